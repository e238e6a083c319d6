package io.pgdispatch.auth;

/** A request the service refuses as given; the message tells the caller what to send instead. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
