package io.pgdispatch.router.cluster;

/** A branch name the API refuses; the message says what is wrong and what a valid one looks like. */
public class InvalidBranchNameException extends RuntimeException {

    public InvalidBranchNameException(String problem) {
        super("the branch name " + problem + ": use 1 to 63 lowercase letters, digits and inner hyphens, starting"
            + " with a letter, for example \"testing\"");
    }
}
