package io.pgdispatch.compute.driver.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Plays the CloudNativePG operator on the mock API server, where nothing reconciles: the test waits for what the
 * driver asked for and then writes the status the operator would write.
 */
final class CnpgOperator {

    private static final long WAIT_SECONDS = 10;

    private final KubernetesClient client;

    CnpgOperator(KubernetesClient client) {
        this.client = client;
    }

    /** Waits, through a watch, until the Cluster exists and satisfies the condition; returns it. */
    GenericKubernetesResource awaitCluster(String name, Predicate<GenericKubernetesResource> condition) {
        return cluster(name).waitUntilCondition(cluster -> cluster != null && condition.test(cluster), WAIT_SECONDS,
            TimeUnit.SECONDS);
    }

    static boolean hibernationRequested(GenericKubernetesResource cluster) {
        Map<String, String> annotations = cluster.getMetadata().getAnnotations();
        return annotations != null && "on".equals(annotations.get(Cnpg.HIBERNATION));
    }

    GenericKubernetesResource get(String name) {
        return cluster(name).get();
    }

    /** Every instance runs and serves, as after a start, a wake or a scale-up. */
    void reportReady(String name, int instances) {
        writeStatus(name, "/status", Map.of(
            "phase", "Cluster in healthy state",
            "instances", instances,
            "readyInstances", instances,
            "writeService", Cnpg.readWriteService(name),
            "readService", Cnpg.readOnlyService(name),
            "conditions", List.of(
                condition("Ready", "True", "ClusterIsReady", "Cluster is Ready"),
                condition(Cnpg.HIBERNATION, "False", "Running", "Cluster is not hibernated"))));
    }

    /** The instances are gone and the volumes kept. */
    void reportHibernated(String name) {
        writeStatus(name, "/status", Map.of(
            "phase", "Cluster in healthy state",
            "instances", 0,
            "readyInstances", 0,
            "conditions", List.of(
                condition("Ready", "False", "ClusterIsNotReady", "Cluster Is Not Ready"),
                condition(Cnpg.HIBERNATION, "True", "Hibernated", "Cluster has been hibernated"))));
    }

    /** A phase the operator does not leave on its own, with its reason and the Ready condition's message. */
    void reportStuck(String name, String phase, String reason, String readyMessage) {
        writeStatus(name, "/status", Map.of(
            "phase", phase,
            "phaseReason", reason,
            "conditions", List.of(condition("Ready", "False", "ClusterIsNotReady", readyMessage))));
    }

    /** Each managed role applied with the current version of its password Secret, as the instance manager does. */
    void reportRolesApplied(String name) {
        List<Map<String, Object>> roles = get(name).get("spec", "managed", "roles");
        Map<String, Object> passwordStatus = new LinkedHashMap<>();
        for (Map<String, Object> role : roles) {
            String secret = (String) ((Map<?, ?>) role.get("passwordSecret")).get("name");
            String version = client.secrets().withName(secret).get().getMetadata().getResourceVersion();
            passwordStatus.put((String) role.get("name"), Map.of("transactionID", 1234, "resourceVersion", version));
        }
        List<Object> names = roles.stream().map(role -> role.get("name")).toList();
        writeStatus(name, "/status/managedRolesStatus", Map.of(
            "byStatus", Map.of("reconciled", names),
            "passwordStatus", passwordStatus));
    }

    void reportRoleRefused(String name, String role, String error) {
        writeStatus(name, "/status/managedRolesStatus", Map.of(
            "byStatus", Map.of("pending-reconciliation", List.of(role)),
            "cannotReconcile", Map.of(role, List.of(error))));
    }

    /**
     * Sets one field of the status subresource by a JSON patch (RFC 6902) without a resourceVersion, so that it
     * neither fails on nor undoes the driver's changes; {@code add} replaces a field that exists.
     */
    private void writeStatus(String name, String path, Object value) {
        String patch = Serialization.asJson(List.of(Map.of("op", "add", "path", path, "value", value)));
        cluster(name).subresource("status").patch(PatchContext.of(PatchType.JSON), patch);
    }

    private static Map<String, Object> condition(String type, String status, String reason, String message) {
        return Map.of("type", type, "status", status, "reason", reason, "message", message);
    }

    private Resource<GenericKubernetesResource> cluster(String name) {
        return client.genericKubernetesResources(Cnpg.CLUSTERS).withName(name);
    }
}
