package io.pgdispatch.auth.role;

/** A role with its SCRAM-SHA-256 verifier, as the proxy and compute-manager need it. */
public record RoleSecret(String name, String scramVerifier) {

    /** Leaves the verifier out, so that a log line or an assertion message never carries it. */
    @Override
    public String toString() {
        return "RoleSecret[name=" + name + "]";
    }
}
