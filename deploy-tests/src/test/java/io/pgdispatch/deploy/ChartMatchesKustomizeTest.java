package io.pgdispatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Helm and kustomize users get the same system: the chart's default render and the kustomize base describe the same
 * Deployments (images, ports, probes, environment, accounts, drain) and the same Services.
 */
class ChartMatchesKustomizeTest {

    @Test
    void shouldDescribeTheSameDeploymentsAndServices() {
        List<HasMetadata> chart = Manifests.chart(Map.of());
        List<HasMetadata> kustomize = Manifests.kustomize(Manifests.KUSTOMIZE_BASE);

        assertEquals(4, deployments(chart).size());
        assertEquals(4, services(chart).size());
        assertEquals(deployments(kustomize), deployments(chart));
        assertEquals(services(kustomize), services(chart));
    }

    private static Map<String, String> deployments(List<HasMetadata> objects) {
        Map<String, String> shapes = new TreeMap<>();
        for (Deployment deployment : Manifests.ofKind(objects, Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            StringBuilder shape = new StringBuilder()
                .append("replicas=").append(deployment.getSpec().getReplicas())
                .append(" strategy=").append(deployment.getSpec().getStrategy())
                .append(" account=").append(pod.getServiceAccountName())
                .append(" grace=").append(pod.getTerminationGracePeriodSeconds())
                .append(" volumes=").append(pod.getVolumes());
            for (Container container : pod.getContainers()) {
                shape.append("\n  container=").append(container.getName())
                    .append(" image=").append(container.getImage())
                    .append(" ports=").append(container.getPorts())
                    .append("\n  readiness=").append(container.getReadinessProbe())
                    .append("\n  liveness=").append(container.getLivenessProbe())
                    .append("\n  env=").append(container.getEnv().stream().map(ChartMatchesKustomizeTest::describe)
                        .sorted().toList())
                    .append("\n  envFrom=").append(container.getEnvFrom())
                    .append("\n  mounts=").append(container.getVolumeMounts())
                    .append("\n  lifecycle=").append(container.getLifecycle())
                    .append("\n  resources=").append(container.getResources());
            }
            shapes.put(deployment.getMetadata().getName(), shape.toString());
        }
        return shapes;
    }

    private static Map<String, String> services(List<HasMetadata> objects) {
        Map<String, String> shapes = new TreeMap<>();
        for (Service service : Manifests.ofKind(objects, Service.class)) {
            shapes.put(service.getMetadata().getName(), "type=" + service.getSpec().getType() + " traffic="
                + service.getSpec().getExternalTrafficPolicy() + " ports=" + service.getSpec().getPorts());
        }
        return shapes;
    }

    private static String describe(EnvVar env) {
        return env.getName() + "=" + (env.getValue() != null ? env.getValue() : env.getValueFrom());
    }
}
