package io.pgdispatch.compute.driver.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pgdispatch.compute.config.ComputeConfig;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.contract.target.PointInTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudNativePG Cluster each kind of compute needs (CloudNativePG docs: "Bootstrap", "Recovery", "Replica
 * clusters", "Backup on object stores"):
 * <ul>
 * <li>a branch made with its cluster: one instance, {@code bootstrap.initdb}, archiving to the object store;
 * <li>a branch made from its parent: {@code bootstrap.recovery} from the parent's archive, replayed to its end;
 * <li>a point in time: {@code bootstrap.recovery} from the branch's archive with a {@code recoveryTarget}, and
 *     {@code default_transaction_read_only} so that its sessions do not write;
 * <li>a one-off replica: {@code bootstrap.pg_basebackup} from the branch's primary and {@code replica.enabled},
 *     streaming from it as {@code streaming_replica} with the client certificate the operator made;
 * <li>a one-off copy: {@code bootstrap.pg_basebackup} from the branch's primary without {@code replica}, so that it
 *     becomes a primary of its own; or, at a point in time, {@code bootstrap.recovery} from the branch's archive,
 *     promoted there; in both cases writable and archiving nothing, as it is discarded with its session.
 * </ul>
 */
final class ClusterManifest {

    /** The name under which a source Cluster appears in {@code externalClusters}. */
    private static final String SOURCE = "origin";

    /**
     * initdb leaves CREATE on database postgres and on its schema public to the owner only (PostgreSQL 15 took the
     * latter from PUBLIC), and the account's roles are not the owner, so they get both through PUBLIC.
     */
    private static final List<String> POST_INIT_SQL = List.of(
        "GRANT CREATE ON DATABASE postgres TO PUBLIC",
        "GRANT CREATE ON SCHEMA public TO PUBLIC");

    private final ComputeConfig.Kubernetes config;

    ClusterManifest(ComputeConfig.Kubernetes config) {
        this.config = config;
    }

    /** The Cluster of a branch made with its cluster, empty but for what initdb creates. */
    GenericKubernetesResource newBranch(ComputeSpec spec) {
        Map<String, Object> clusterSpec = common(spec);
        clusterSpec.put("bootstrap", Map.of("initdb", Map.of("postInitSQL", POST_INIT_SQL)));
        archive().ifPresent(store -> clusterSpec.put("backup", Map.of("barmanObjectStore", store)));
        return cluster(ComputeLabels.branchClusterName(spec), spec, clusterSpec);
    }

    /**
     * The Cluster of a branch recovered from its parent's archive: the parent's data up to its last archived WAL, or
     * up to the point in time.
     */
    GenericKubernetesResource branchFrom(ComputeSpec parent, ComputeSpec branch, Optional<PointInTime> point) {
        Map<String, Object> clusterSpec = common(branch);
        Map<String, Object> recovery = new LinkedHashMap<>(Map.of("source", SOURCE));
        point.ifPresent(target -> recovery.put("recoveryTarget", target(target)));
        clusterSpec.put("bootstrap", Map.of("recovery", recovery));
        clusterSpec.put("externalClusters", List.of(archiveOf(ComputeLabels.branchClusterName(parent))));
        clusterSpec.put("backup", Map.of("barmanObjectStore", requireArchive()));
        return cluster(ComputeLabels.branchClusterName(branch), branch, clusterSpec);
    }

    /** A Cluster of the branch as it was at the spec's point in time. */
    GenericKubernetesResource pointInTime(ComputeSpec spec) {
        PointInTime point = spec.pointInTime().orElseThrow();
        Map<String, Object> clusterSpec = common(spec);
        clusterSpec.put("bootstrap", Map.of("recovery", Map.of("source", SOURCE, "recoveryTarget", target(point))));
        clusterSpec.put("externalClusters", List.of(archiveOf(ComputeLabels.branchClusterName(spec))));
        clusterSpec.put("postgresql", Map.of("parameters", Map.of("default_transaction_read_only", "on")));
        return cluster(ComputeLabels.clusterName(spec), spec, clusterSpec);
    }

    /** A Cluster that streams from the branch's primary and never writes. */
    GenericKubernetesResource oneOffReplica(ComputeSpec spec) {
        Map<String, Object> clusterSpec = common(spec);
        clusterSpec.put("bootstrap", Map.of("pg_basebackup", Map.of("source", SOURCE)));
        clusterSpec.put("replica", Map.of("enabled", true, "source", SOURCE));
        clusterSpec.put("externalClusters", List.of(primaryOf(spec)));
        return cluster(ComputeLabels.clusterName(spec), spec, clusterSpec);
    }

    /** A writable Cluster of one session: the branch's head copied from its primary, or the branch at a point. */
    GenericKubernetesResource oneOffBranch(ComputeSpec spec) {
        Map<String, Object> clusterSpec = common(spec);
        spec.pointInTime().ifPresentOrElse(point -> {
            clusterSpec.put("bootstrap", Map.of("recovery", Map.of("source", SOURCE, "recoveryTarget",
                target(point))));
            clusterSpec.put("externalClusters", List.of(archiveOf(ComputeLabels.branchClusterName(spec))));
        }, () -> {
            clusterSpec.put("bootstrap", Map.of("pg_basebackup", Map.of("source", SOURCE)));
            clusterSpec.put("externalClusters", List.of(primaryOf(spec)));
        });
        return cluster(ComputeLabels.clusterName(spec), spec, clusterSpec);
    }

    /** The branch's primary as a source to copy from, reached as {@code streaming_replica} with its certificate. */
    private static Map<String, Object> primaryOf(ComputeSpec spec) {
        String primary = ComputeLabels.branchClusterName(spec);
        return Map.of(
            "name", SOURCE,
            "connectionParameters", Map.of(
                "host", Cnpg.readWriteService(primary),
                "user", Cnpg.STREAMING_USER,
                "dbname", "postgres",
                "sslmode", "verify-full"),
            "sslKey", secretKey(Cnpg.replicationSecret(primary), "tls.key"),
            "sslCert", secretKey(Cnpg.replicationSecret(primary), "tls.crt"),
            "sslRootCert", secretKey(Cnpg.caSecret(primary), "ca.crt"));
    }

    /** Base backups of a Cluster that archives: one at once, then on the configured schedule. */
    Optional<GenericKubernetesResource> scheduledBackup(GenericKubernetesResource cluster) {
        if (cluster.get("spec", "backup") == null) {
            return Optional.empty();
        }
        String name = cluster.getMetadata().getName();
        GenericKubernetesResource backup = new GenericKubernetesResource();
        backup.setApiVersion(Cnpg.API_VERSION);
        backup.setKind(Cnpg.SCHEDULED_BACKUPS.getKind());
        backup.setMetadata(new ObjectMetaBuilder().withName(name).withLabels(cluster.getMetadata().getLabels())
            .build());
        backup.setAdditionalProperty("spec", Map.of(
            "schedule", config.backup().schedule(),
            "immediate", true,
            "backupOwnerReference", "cluster",
            "cluster", Map.of("name", name)));
        return Optional.of(backup);
    }

    /** What every compute's Cluster has: one instance, its volume, its image, and the labels on all it makes. */
    private Map<String, Object> common(ComputeSpec spec) {
        Map<String, Object> clusterSpec = new LinkedHashMap<>();
        clusterSpec.put("instances", 1);
        config.imageName().ifPresent(image -> clusterSpec.put("imageName", image));
        clusterSpec.put("storage", Map.of("size", config.storageSize()));
        clusterSpec.put("inheritedMetadata", Map.of("labels", ComputeLabels.of(spec)));
        return clusterSpec;
    }

    private static GenericKubernetesResource cluster(String name, ComputeSpec spec, Map<String, Object> clusterSpec) {
        ObjectMeta metadata = new ObjectMetaBuilder().withName(name).withLabels(ComputeLabels.of(spec)).build();
        GenericKubernetesResource cluster = new GenericKubernetesResource();
        cluster.setApiVersion(Cnpg.API_VERSION);
        cluster.setKind(Cnpg.CLUSTERS.getKind());
        cluster.setMetadata(metadata);
        cluster.setAdditionalProperty("spec", clusterSpec);
        return cluster;
    }

    /** CloudNativePG's recoveryTarget takes the time as RFC 3339 and the LSN as PostgreSQL prints it. */
    private static Map<String, Object> target(PointInTime point) {
        if (point instanceof PointInTime.Time time) {
            return Map.of("targetTime", time.time().toString());
        }
        return Map.of("targetLSN", ((PointInTime.Position) point).lsn().toString());
    }

    /** The archive of another Cluster, as a source to recover from: its folder is named after that Cluster. */
    private Map<String, Object> archiveOf(String source) {
        Map<String, Object> store = new LinkedHashMap<>(requireArchive());
        store.put("serverName", source);
        return Map.of("name", SOURCE, "barmanObjectStore", store);
    }

    private Map<String, Object> requireArchive() {
        return archive().orElseThrow(() -> new ComputeDriverException("branches and points in time recover from "
            + "the object store of the computes' backups, and none is configured: set "
            + "dispatch.compute.kubernetes.backup.destination-path"));
    }

    private Optional<Map<String, Object>> archive() {
        ComputeConfig.Backup backup = config.backup();
        return backup.destinationPath().map(path -> {
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("destinationPath", path);
            backup.endpointUrl().ifPresent(url -> store.put("endpointURL", url));
            store.put("s3Credentials", Map.of(
                "accessKeyId", secretKey(backup.credentialsSecret(), "ACCESS_KEY_ID"),
                "secretAccessKey", secretKey(backup.credentialsSecret(), "ACCESS_SECRET_KEY")));
            store.put("wal", Map.of("compression", "gzip"));
            return store;
        });
    }

    private static Map<String, Object> secretKey(String secret, String key) {
        return Map.of("name", secret, "key", key);
    }
}
