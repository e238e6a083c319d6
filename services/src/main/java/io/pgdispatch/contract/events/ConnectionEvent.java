package io.pgdispatch.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client session opened or closed by a proxy. A session is opened once its compute login succeeded, so
 * every OPENED is followed by one CLOSED from the same proxy, unless that proxy crashed.
 *
 * @param bytesFromClient and {@code bytesToClient}: relayed payload, counted on CLOSED only
 */
public record ConnectionEvent(
        UUID id,
        Instant time,
        Type type,
        String sessionId,
        String computeId,
        String clusterId,
        String branchId,
        String roleName,
        String clientAddress,
        long bytesFromClient,
        long bytesToClient) {

    public enum Type {
        OPENED,
        CLOSED
    }

    public static ConnectionEvent opened(String sessionId, String computeId, String clusterId, String branchId,
            String roleName, String clientAddress) {
        return new ConnectionEvent(UUID.randomUUID(), Instant.now(), Type.OPENED, sessionId, computeId,
                clusterId, branchId, roleName, clientAddress, 0, 0);
    }

    public static ConnectionEvent closed(String sessionId, String computeId, String clusterId, String branchId,
            String roleName, String clientAddress, long bytesFromClient, long bytesToClient) {
        return new ConnectionEvent(UUID.randomUUID(), Instant.now(), Type.CLOSED, sessionId, computeId,
                clusterId, branchId, roleName, clientAddress, bytesFromClient, bytesToClient);
    }
}
