package io.pgdispatch.auth.link;

/** A link page answer that cannot be taken, with what the person should do instead. */
public class LinkRefusedException extends RuntimeException {

    public LinkRefusedException(String message) {
        super(message);
    }
}
