package io.pgdispatch.compute.driver.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CloudNativePG operator last reported about a Cluster, read from its {@code status}: the phase, the
 * instances that are ready, and the conditions {@code Ready} and {@code cnpg.io/hibernation}.
 */
final class ClusterStatus {

    private static final String READY = "Ready";
    private static final String TRUE = "True";
    private static final String RECONCILED = "reconciled";

    /**
     * Phases after which the operator does not go on without someone's help. Their wording changed between operator
     * versions ("Cluster is in an unrecoverable state, needs manual intervention", later "Cluster is unrecoverable
     * and needs manual intervention"), so they are recognised by these parts.
     */
    private static final List<String> STUCK_PHASE_PARTS = List.of("unrecoverable", "cannot proceed",
        "cannot execute", "unable to create", "waiting for user action", "invalid image catalog");

    private final GenericKubernetesResource cluster;

    private ClusterStatus(GenericKubernetesResource cluster) {
        this.cluster = cluster;
    }

    static ClusterStatus of(GenericKubernetesResource cluster) {
        return new ClusterStatus(cluster);
    }

    String phase() {
        return Objects.requireNonNullElse(cluster.get("status", "phase"), "");
    }

    int readyInstances() {
        Number ready = cluster.get("status", "readyInstances");
        return ready == null ? 0 : ready.intValue();
    }

    /** Instances that exist, ready or not: after a scale-down or hibernation, the ones not yet gone. */
    int instances() {
        Number instances = cluster.get("status", "instances");
        return instances == null ? 0 : instances.intValue();
    }

    /** Serves connections: Ready, at least the given number of ready instances, and not hibernated. */
    boolean readyWith(int instances) {
        return conditionIs(READY, TRUE) && readyInstances() >= instances && !hibernated();
    }

    boolean hibernated() {
        return conditionIs(Cnpg.HIBERNATION, TRUE);
    }

    /** Why the Cluster cannot become ready without help, in the operator's words; empty while it makes progress. */
    Optional<String> failure() {
        String phase = phase().toLowerCase(Locale.ROOT);
        if (STUCK_PHASE_PARTS.stream().noneMatch(phase::contains)) {
            return Optional.empty();
        }
        return Optional.of(describe());
    }

    /** The phase, its reason and the Ready condition's message, for error messages and logs. */
    String describe() {
        StringBuilder text = new StringBuilder("phase \"").append(phase()).append('"');
        String reason = cluster.get("status", "phaseReason");
        if (reason != null && !reason.isBlank()) {
            text.append(" (").append(reason).append(')');
        }
        condition(READY).ifPresent(ready -> text.append(", Ready=").append(ready.get("status"))
            .append(Optional.ofNullable(ready.get("message")).map(message -> ": " + message).orElse("")));
        return text.toString();
    }

    /**
     * Whether the operator has applied every role with the password Secret at the given resource versions; the
     * operator records the version it applied per role, so an older success does not count for a new password.
     */
    boolean rolesApplied(Map<String, String> secretVersions) {
        Map<String, Map<String, Object>> applied = cluster.get("status", "managedRolesStatus", "passwordStatus");
        Collection<String> reconciled = cluster.get("status", "managedRolesStatus", "byStatus", RECONCILED);
        if (applied == null || reconciled == null) {
            return false;
        }
        return secretVersions.entrySet().stream().allMatch(role -> reconciled.contains(role.getKey())
            && applied.containsKey(role.getKey())
            && role.getValue().equals(applied.get(role.getKey()).get("resourceVersion")));
    }

    /** The roles the operator reports it cannot create or change, each with its errors. */
    Optional<String> roleFailures(Collection<String> roles) {
        Map<String, List<String>> failing = cluster.get("status", "managedRolesStatus", "cannotReconcile");
        if (failing == null) {
            return Optional.empty();
        }
        List<String> failures = new ArrayList<>();
        roles.stream().filter(failing::containsKey)
            .forEach(role -> failures.add(role + ": " + String.join("; ", failing.get(role))));
        return failures.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", failures));
    }

    private boolean conditionIs(String type, String status) {
        return condition(type).map(found -> status.equals(found.get("status"))).orElse(false);
    }

    private Optional<Map<String, Object>> condition(String type) {
        List<Map<String, Object>> conditions = cluster.get("status", "conditions");
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(condition -> type.equals(condition.get("type"))).findFirst();
    }
}
