package io.pgdispatch.compute.driver;

/**
 * A login role of an account as a compute must know it.
 *
 * @param verifier "SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey", never a password
 */
public record RoleSecret(String name, String verifier) {

    /** Keeps the verifier out of log lines and exception messages. */
    @Override
    public String toString() {
        return "RoleSecret[" + name + "]";
    }
}
