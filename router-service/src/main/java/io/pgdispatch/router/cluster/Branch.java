package io.pgdispatch.router.cluster;

/** A line of history of a cluster's data; its id is part of the compute's identity. */
public record Branch(String id, String name) {

    /** The branch every cluster is created with, and the one a connection gets when it names none. */
    public static final String DEFAULT_NAME = "main";
}
