package io.pgdispatch.contract.events;

/** The Kafka topics between the services. Each carries JSON records of one type from this package. */
public final class Topics {

    /** {@link ComputeEvent}s from compute-manager; the proxy and router-service follow them. */
    public static final String COMPUTE_EVENTS = "dispatch.compute-events";

    /** {@link ConnectionEvent}s from the proxy; compute-manager counts sessions and idle time with them. */
    public static final String CONNECTION_EVENTS = "dispatch.connection-events";

    private Topics() {
    }
}
