package io.pgdispatch.router.endpoint;

import io.pgdispatch.router.cluster.Quoted;

/** No endpoint has this id, or it belongs to another account; the two look the same so as not to leak ids. */
public class EndpointNotFoundException extends RuntimeException {

    public EndpointNotFoundException(String endpointId) {
        super("endpoint " + Quoted.of(endpointId) + " does not exist");
    }
}
