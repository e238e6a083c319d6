package io.pgdispatch.compute.driver.kubernetes;

import io.pgdispatch.compute.driver.ComputeSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Names and labels of what the driver creates. A name is derived from the ids, so that every compute-manager finds
 * the same Cluster again without keeping state; the labels say whose it is, for operators, for the NetworkPolicy
 * that lets only the proxy reach computes, and as a check that a Cluster found by name is the one meant.
 *
 * <p>A branch has one Cluster, {@code pgd-<hash of cluster and branch ids>}, serving its primary and its shared
 * replicas. A point-in-time or one-off compute has a Cluster of its own, named after its compute id.
 */
final class ComputeLabels {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "pg-dispatch";
    static final String COMPONENT = "app.kubernetes.io/component";
    static final String COMPUTE_COMPONENT = "compute";
    static final String CLUSTER = "pg-dispatch.io/cluster";
    static final String BRANCH = "pg-dispatch.io/branch";
    static final String COMPUTE = "pg-dispatch.io/compute";
    static final String KIND = "pg-dispatch.io/kind";

    /** Short enough for the operator's derived names ({@code -rw}, {@code -1}, {@code -replication}). */
    private static final int HASH_CHARACTERS = 16;

    private ComputeLabels() {
    }

    /** The Cluster that serves the compute. */
    static String clusterName(ComputeSpec spec) {
        return switch (spec.kind()) {
            case PRIMARY, REPLICA -> branchClusterName(spec);
            case ONE_OFF_REPLICA, POINT_IN_TIME, ONE_OFF_BRANCH -> "pgd-" + hash(spec.computeId());
        };
    }

    /** The Cluster of the spec's branch, where its primary runs. */
    static String branchClusterName(ComputeSpec spec) {
        return "pgd-" + hash(spec.clusterId() + "/" + spec.branchId());
    }

    /** The labels of a Cluster made for the compute, which the operator also puts on its pods and Services. */
    static Map<String, String> of(ComputeSpec spec) {
        return Map.of(
            MANAGED_BY, MANAGER,
            COMPONENT, COMPUTE_COMPONENT,
            CLUSTER, spec.clusterId(),
            BRANCH, spec.branchId(),
            COMPUTE, spec.computeId(),
            KIND, kindValue(spec.kind()));
    }

    /** Whether the labels of a Cluster found by name say it serves the spec's cluster and branch. */
    static boolean servesBranch(Map<String, String> labels, ComputeSpec spec) {
        return labels != null && spec.clusterId().equals(labels.get(CLUSTER))
            && spec.branchId().equals(labels.get(BRANCH));
    }

    /** The Secret with a role's verifier, named by a hash because role names may hold any character. */
    static String roleSecretName(String cluster, String role) {
        return cluster + "-role-" + hash(role);
    }

    private static String kindValue(ComputeSpec.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARACTERS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
