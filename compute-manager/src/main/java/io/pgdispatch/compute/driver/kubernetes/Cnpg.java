package io.pgdispatch.compute.driver.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The parts of CloudNativePG's API (group postgresql.cnpg.io, version v1) this driver uses. Its resources are read
 * and written as generic resources, so no CloudNativePG classes are needed and the CRDs belong to the operator.
 */
final class Cnpg {

    static final String API_VERSION = "postgresql.cnpg.io/v1";

    static final ResourceDefinitionContext CLUSTERS = context("Cluster", "clusters");
    static final ResourceDefinitionContext SCHEDULED_BACKUPS = context("ScheduledBackup", "scheduledbackups");

    /** Declarative hibernation: "on" shuts every instance down and keeps the volumes; removing it starts them. */
    static final String HIBERNATION = "cnpg.io/hibernation";

    /** A Secret with this label is watched by the operator, so that a changed password reaches PostgreSQL. */
    static final String RELOAD = "cnpg.io/reload";

    /** Every Cluster has this user for streaming replication, authenticated by the client certificate below. */
    static final String STREAMING_USER = "streaming_replica";

    /** The port of PostgreSQL on the Services the operator makes for a Cluster. */
    static final int PORT = 5432;

    private Cnpg() {
    }

    /** The Service that leads to the current primary ({@code -rw}), made by the operator. */
    static String readWriteService(String cluster) {
        return cluster + "-rw";
    }

    /** The Service that leads to the replicas only ({@code -ro}). */
    static String readOnlyService(String cluster) {
        return cluster + "-ro";
    }

    /** The client certificate of {@link #STREAMING_USER}, a Secret the operator makes for each Cluster. */
    static String replicationSecret(String cluster) {
        return cluster + "-replication";
    }

    /** The Cluster's own certificate authority, which signed its server certificates. */
    static String caSecret(String cluster) {
        return cluster + "-ca";
    }

    private static ResourceDefinitionContext context(String kind, String plural) {
        return new ResourceDefinitionContext.Builder()
            .withGroup("postgresql.cnpg.io")
            .withVersion("v1")
            .withKind(kind)
            .withPlural(plural)
            .withNamespaced(true)
            .build();
    }
}
