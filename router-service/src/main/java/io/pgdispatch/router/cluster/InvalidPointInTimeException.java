package io.pgdispatch.router.cluster;

/** A point in time the API refuses as written; the message names the value and what to write instead. */
public class InvalidPointInTimeException extends RuntimeException {

    public InvalidPointInTimeException(String message) {
        super(message);
    }
}
