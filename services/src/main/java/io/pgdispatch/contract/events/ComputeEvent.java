package io.pgdispatch.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A change in the life of a compute. Consumers must be idempotent: an event may be delivered twice, and
 * {@code id} tells the copies apart from new events.
 *
 * @param host and {@code port}: the compute's address while it runs; empty and 0 otherwise
 * @param message why a compute failed, or empty
 */
public record ComputeEvent(
        UUID id,
        Instant time,
        Type type,
        String computeId,
        String accountId,
        String clusterId,
        String branchId,
        String host,
        int port,
        String message) {

    public enum Type {
        STARTED,
        SUSPENDED,
        FAILED,
        /**
         * A compute was removed with its storage: a one-off one whose session ended or that was found without one,
         * or any compute of a deleted branch.
         */
        REMOVED
    }

    public static ComputeEvent of(Type type, String computeId, String accountId, String clusterId,
            String branchId, String host, int port, String message) {
        return new ComputeEvent(UUID.randomUUID(), Instant.now(), type, computeId, accountId, clusterId,
                branchId, host, port, message);
    }
}
