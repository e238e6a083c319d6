package io.pgdispatch.compute.driver;

/** Where a running compute accepts PostgreSQL connections. */
public record ComputeEndpoint(String host, int port) {
}
