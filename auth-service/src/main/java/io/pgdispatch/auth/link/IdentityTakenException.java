package io.pgdispatch.auth.link;

/** A login identity can act for one account only. */
public class IdentityTakenException extends RuntimeException {

    public IdentityTakenException(String issuer, String subject) {
        super("the login identity \"" + subject + "\" of issuer \"" + issuer + "\" belongs to an account already:"
            + " each identity acts for one account only");
    }
}
