package io.pgdispatch.proxy.session;

import io.pgdispatch.proxy.proxyprotocol.ProxyProtocolMode;
import java.util.Optional;

/**
 * The listener a session came in through: the shared one, where the client names its target, or an endpoint's
 * dedicated address, where everything that arrives is for that endpoint; and whether a load balancer in front of
 * it writes a PROXY protocol header first.
 */
public record Entrance(Optional<String> dedicatedEndpoint, ProxyProtocolMode proxyProtocol) {

    public static Entrance shared(ProxyProtocolMode proxyProtocol) {
        return new Entrance(Optional.empty(), proxyProtocol);
    }

    public static Entrance dedicatedTo(String endpointId, ProxyProtocolMode proxyProtocol) {
        return new Entrance(Optional.of(endpointId), proxyProtocol);
    }
}
