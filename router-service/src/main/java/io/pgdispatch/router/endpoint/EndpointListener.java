package io.pgdispatch.router.endpoint;

/** An endpoint's dedicated listener: everything arriving at {@code address} is a connection to the endpoint. */
public record EndpointListener(String endpointId, String address) {
}
