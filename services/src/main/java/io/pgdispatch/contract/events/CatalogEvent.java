package io.pgdispatch.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A change to what connections may reach, published by the service that owns the object. Consumers drop what
 * they cached about the subject and read it again when next needed, so an event carries names, not contents;
 * a duplicate or a reordered event does no harm.
 *
 * @param subjectId the endpoint's or cluster's id, or the role's name
 * @param clusterId the cluster the subject belongs to (the subject itself for a cluster); null for a role, which
 *     belongs to the account and so to all its clusters
 */
public record CatalogEvent(
        UUID id,
        Instant time,
        Type type,
        String accountId,
        String clusterId,
        String subjectId) {

    public enum Type {
        /** An endpoint was created, changed (target, access rules or listener address) or deleted. */
        ENDPOINT_CHANGED,
        /**
         * A cluster's settings changed, such as whether it accepts connections that name it in options, or one of
         * its branches was deleted.
         */
        CLUSTER_CHANGED,
        /** A role of the account was created, got a new password or was removed. */
        ROLE_CHANGED
    }

    public static CatalogEvent endpointChanged(String accountId, String clusterId, String endpointId) {
        return new CatalogEvent(UUID.randomUUID(), Instant.now(), Type.ENDPOINT_CHANGED, accountId, clusterId,
                endpointId);
    }

    public static CatalogEvent roleChanged(String accountId, String roleName) {
        return new CatalogEvent(UUID.randomUUID(), Instant.now(), Type.ROLE_CHANGED, accountId, null, roleName);
    }

    public static CatalogEvent clusterChanged(String accountId, String clusterId) {
        return new CatalogEvent(UUID.randomUUID(), Instant.now(), Type.CLUSTER_CHANGED, accountId, clusterId,
                clusterId);
    }
}
