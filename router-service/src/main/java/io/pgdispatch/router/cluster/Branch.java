package io.pgdispatch.router.cluster;

import java.time.Instant;

/**
 * A line of history of a cluster's data; its id is part of the compute's identity. {@code parent} is the name of
 * the branch it was copied from, null for {@code main}.
 */
public record Branch(String id, String name, String parent, Instant createdAt) {

    /** The branch every cluster is created with, and the one a connection gets when it names none. */
    public static final String DEFAULT_NAME = "main";
}
