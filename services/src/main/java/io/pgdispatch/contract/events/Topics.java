package io.pgdispatch.contract.events;

/** The Kafka topics between the services. Each carries JSON records of one type from this package. */
public final class Topics {

    /** {@link ComputeEvent}s from compute-manager; the proxy and router-service follow them. */
    public static final String COMPUTE_EVENTS = "dispatch.compute-events";

    /** {@link ConnectionEvent}s from the proxy; compute-manager counts sessions and idle time with them. */
    public static final String CONNECTION_EVENTS = "dispatch.connection-events";

    /** {@link CatalogEvent}s from router-service; proxies drop cached endpoints and rebind dedicated listeners. */
    public static final String CATALOG_EVENTS = "dispatch.catalog-events";

    private Topics() {
    }
}
