package io.pgdispatch.compute.driver.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The driver keeps nothing in memory: a new driver on a new client (a restarted compute-manager) finds the running
 * and the hibernated computes of the one before in the API, and refuses a Cluster whose labels name another branch.
 */
@EnableKubernetesMockClient(crud = true)
class RestartedManagerRediscoversComputesTest {

    static KubernetesClient client;

    @Test
    void newDriverFindsRunningAndHibernatedComputes() throws Exception {
        ComputeSpec running = new ComputeSpec("compute-a", "shop", "main");
        ComputeSpec hibernated = new ComputeSpec("compute-b", "shop", "old");
        KubernetesDriver before = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);
        for (ComputeSpec spec : new ComputeSpec[] {running, hibernated}) {
            before.ensureStorage(spec);
            operator.reportReady(ComputeLabels.clusterName(spec), 1);
        }
        Background<Void> stop = Background.run(() -> before.stop(hibernated));
        operator.awaitCluster(ComputeLabels.clusterName(hibernated), CnpgOperator::hibernationRequested);
        operator.reportHibernated(ComputeLabels.clusterName(hibernated));
        stop.result();

        try (KubernetesClient restarted = new KubernetesClientBuilder().withConfig(client.getConfiguration()).build()) {
            KubernetesDriver after = new KubernetesDriver(restarted, TestSettings.withArchive());

            String name = ComputeLabels.clusterName(running);
            assertEquals(Optional.of(new ComputeEndpoint(name + "-rw.test.svc", 5432)), after.running(running));
            assertEquals(Optional.empty(), after.running(hibernated));
            assertEquals(Optional.empty(), after.running(new ComputeSpec("compute-c", "shop", "never")));
        }
    }

    @Test
    void clusterOfTheSameNameForAnotherBranchIsRefused() {
        ComputeSpec spec = new ComputeSpec("compute-d", "shop", "taken");
        GenericKubernetesResource foreign = new GenericKubernetesResource();
        foreign.setApiVersion(Cnpg.API_VERSION);
        foreign.setKind("Cluster");
        foreign.setMetadata(new ObjectMetaBuilder().withName(ComputeLabels.clusterName(spec))
            .withLabels(Map.of(ComputeLabels.CLUSTER, "someone-else", ComputeLabels.BRANCH, "taken")).build());
        foreign.setAdditionalProperty("spec", Map.of("instances", 1));
        client.genericKubernetesResources(Cnpg.CLUSTERS).resource(foreign).create();
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());

        ComputeDriverException failure = assertThrows(ComputeDriverException.class, () -> driver.running(spec));

        assertTrue(failure.getMessage().contains("not made by pg-dispatch for this compute"), failure.getMessage());
    }
}
