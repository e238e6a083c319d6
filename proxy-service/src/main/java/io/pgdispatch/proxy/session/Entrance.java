package io.pgdispatch.proxy.session;

import java.util.Optional;

/**
 * The listener a session came in through: the shared one, where the client names its target, or an endpoint's
 * dedicated address, where everything that arrives is for that endpoint.
 */
public record Entrance(Optional<String> dedicatedEndpoint) {

    /** The shared listener. */
    public static final Entrance SHARED = new Entrance(Optional.empty());

    public static Entrance dedicatedTo(String endpointId) {
        return new Entrance(Optional.of(endpointId));
    }
}
