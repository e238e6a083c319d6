package io.pgdispatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart lints cleanly and its default render is the installation the README describes. */
class ChartRendersTheInstallationTest {

    private final List<HasMetadata> rendered = Manifests.chart(Map.of());

    @Test
    void shouldPassHelmLintStrictly() {
        LintResult lint = new Helm(Manifests.CHART).lint().strict().call();

        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void shouldExposeTheProxyOnPort5432ThroughALoadBalancer() {
        Service proxy = Manifests.named(rendered, Service.class, "pg-dispatch-proxy-service");

        assertEquals("LoadBalancer", proxy.getSpec().getType());
        assertEquals("Local", proxy.getSpec().getExternalTrafficPolicy());
        ServicePort port = proxy.getSpec().getPorts().get(0);
        assertEquals(5432, port.getPort());
        assertEquals("postgresql", port.getTargetPort().getStrVal());
        Container container = container(Manifests.named(rendered, Deployment.class, "pg-dispatch-proxy-service"));
        assertEquals(4432, container.getPorts().stream().filter(p -> p.getName().equals("postgresql")).findFirst()
            .orElseThrow().getContainerPort());
    }

    @Test
    void shouldProbeEveryDeploymentOnQuarkusHealth() {
        List<Deployment> deployments = Manifests.ofKind(rendered, Deployment.class);

        assertEquals(4, deployments.size());
        for (Deployment deployment : deployments) {
            Container container = container(deployment);
            String name = deployment.getMetadata().getName();
            assertNotNull(container.getReadinessProbe(), name);
            assertNotNull(container.getLivenessProbe(), name);
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath(), name);
            assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath(), name);
            assertEquals("http", container.getReadinessProbe().getHttpGet().getPort().getStrVal(), name);
            assertTrue(container.getPorts().stream().anyMatch(port -> port.getName().equals("http")), name);
            assertNotNull(container.getResources().getLimits().get("memory"), name);
            assertNotNull(container.getResources().getRequests().get("cpu"), name);
        }
    }

    @Test
    void shouldLimitComputeManagersRightsToTheReleaseNamespace() {
        assertTrue(rendered.stream().noneMatch(object -> object.getKind().startsWith("Cluster")),
            "no ClusterRole or ClusterRoleBinding");
        Role role = Manifests.named(rendered, Role.class, "pg-dispatch-compute-manager");
        assertEquals(Manifests.NAMESPACE, role.getMetadata().getNamespace());
        assertEquals(List.of(
            List.of("postgresql.cnpg.io", "clusters", "get,list,watch,create,patch,delete"),
            List.of("postgresql.cnpg.io", "scheduledbackups", "get,create,update"),
            List.of("", "secrets", "get,create,update")),
            role.getRules().stream().map(ChartRendersTheInstallationTest::describe).toList());
        RoleBinding binding = Manifests.named(rendered, RoleBinding.class, "pg-dispatch-compute-manager");
        assertEquals(Manifests.NAMESPACE, binding.getMetadata().getNamespace());
        assertEquals("pg-dispatch-compute-manager", binding.getSubjects().get(0).getName());
        Deployment manager = Manifests.named(rendered, Deployment.class, "pg-dispatch-compute-manager");
        assertEquals("pg-dispatch-compute-manager", manager.getSpec().getTemplate().getSpec().getServiceAccountName());
        assertEquals(Boolean.FALSE, Manifests.named(rendered, ServiceAccount.class,
            "pg-dispatch").getAutomountServiceAccountToken(), "the other services carry no API token");
    }

    @Test
    void shouldLetOnlyTheProxyAndReplicationReachComputes() {
        NetworkPolicy computes = Manifests.named(rendered, NetworkPolicy.class, "pg-dispatch-computes");

        assertEquals(Map.of("app.kubernetes.io/managed-by", "pg-dispatch", "app.kubernetes.io/component", "compute"),
            computes.getSpec().getPodSelector().getMatchLabels(), "the labels the kubernetes driver puts on computes");
        NetworkPolicyIngressRule postgres = computes.getSpec().getIngress().get(0);
        assertEquals(5432, postgres.getPorts().get(0).getPort().getIntVal());
        List<Map<String, String>> peers = postgres.getFrom().stream().map(NetworkPolicyPeer::getPodSelector)
            .map(selector -> selector.getMatchLabels()).toList();
        assertEquals(List.of(
            Map.of("app.kubernetes.io/name", "proxy-service", "app.kubernetes.io/instance", Manifests.RELEASE),
            Map.of("app.kubernetes.io/managed-by", "pg-dispatch", "app.kubernetes.io/component", "compute")), peers);
        NetworkPolicyIngressRule operator = computes.getSpec().getIngress().get(1);
        assertEquals(Map.of("kubernetes.io/metadata.name", "cnpg-system"),
            operator.getFrom().get(0).getNamespaceSelector().getMatchLabels());

        NetworkPolicy services = Manifests.named(rendered, NetworkPolicy.class, "pg-dispatch-services");
        assertEquals(
            Map.of("app.kubernetes.io/instance", Manifests.RELEASE, "app.kubernetes.io/part-of", "pg-dispatch"),
            services.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector().getMatchLabels());
    }

    @Test
    void shouldDrainTheProxyAndScaleIt() {
        Deployment proxy = Manifests.named(rendered, Deployment.class, "pg-dispatch-proxy-service");

        assertEquals(60L, proxy.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds());
        assertEquals(10L, container(proxy).getLifecycle().getPreStop().getSleep().getSeconds());
        assertEquals("45s", environment(proxy, "DISPATCH_PROXY_DRAIN_TIMEOUT"), "drained before the pod is killed");
        assertEquals(null, proxy.getSpec().getReplicas(), "the autoscaler owns the count");
        HorizontalPodAutoscaler autoscaler = Manifests.named(rendered, HorizontalPodAutoscaler.class,
            "pg-dispatch-proxy-service");
        assertEquals(2, autoscaler.getSpec().getMinReplicas());
        assertEquals(10, autoscaler.getSpec().getMaxReplicas());
        assertEquals(4, Manifests.ofKind(rendered, PodDisruptionBudget.class).size());
    }

    @Test
    void shouldCarryTheExternalSettingsIntoTheServices() {
        List<HasMetadata> custom = Manifests.chart(Map.of(
            "kafka.bootstrapServers", "kafka.example:9093",
            "database.address", "db.example:5432/control",
            "proxy.proxyProtocol", "required",
            "proxy.autoscaling.enabled", "false",
            "proxy.replicas", "4"));

        Map<String, String> config = Manifests.named(custom, ConfigMap.class,
            "pg-dispatch-config").getData();
        assertEquals("kafka.example:9093", config.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("jdbc:postgresql://db.example:5432/control", config.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("postgresql://db.example:5432/control", config.get("QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertEquals("kubernetes", config.get("DISPATCH_COMPUTE_DRIVER"));
        Deployment proxy = Manifests.named(custom, Deployment.class, "pg-dispatch-proxy-service");
        assertEquals(4, proxy.getSpec().getReplicas());
        assertEquals("required", environment(proxy, "DISPATCH_PROXY_PROXY_PROTOCOL"));
        assertTrue(Manifests.ofKind(custom, HorizontalPodAutoscaler.class).isEmpty());
    }

    private static String environment(Deployment deployment, String name) {
        return container(deployment).getEnv().stream().filter(env -> env.getName().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError(name + " is not set")).getValue();
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static List<String> describe(PolicyRule rule) {
        return List.of(String.join(",", rule.getApiGroups()), String.join(",", rule.getResources()),
            String.join(",", rule.getVerbs()));
    }
}
