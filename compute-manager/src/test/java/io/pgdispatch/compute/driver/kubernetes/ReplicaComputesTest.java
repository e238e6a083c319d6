package io.pgdispatch.compute.driver.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared replica is a second instance of the branch's Cluster behind its {@code -ro} Service and goes again on
 * stop; a one-off replica is a replica Cluster streaming from the branch's primary, deleted when it is stopped.
 */
@EnableKubernetesMockClient(crud = true)
class ReplicaComputesTest {

    static KubernetesClient client;

    @Test
    void sharedReplicaAddsAnInstanceServedOnTheReadOnlyService() throws Exception {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);
        ComputeSpec replica = ComputeSpec.replica("replica-1", "shop", "main");
        String name = ComputeLabels.clusterName(replica);
        assertEquals(ComputeLabels.branchClusterName(replica), name, "the replica lives in the branch's Cluster");
        driver.ensureStorage(replica);

        Background<ComputeEndpoint> start = Background.call(() -> driver.start(replica));
        operator.awaitCluster(name, cluster -> instances(cluster) == 2);
        operator.reportReady(name, 2);
        assertEquals(new ComputeEndpoint(name + "-ro.test.svc", 5432), start.result());
        assertEquals(Optional.of(new ComputeEndpoint(name + "-ro.test.svc", 5432)), driver.running(replica));

        Background<Void> stop = Background.run(() -> driver.stop(replica));
        operator.awaitCluster(name, cluster -> instances(cluster) == 1);
        operator.reportReady(name, 1);
        stop.result();
        assertEquals(Optional.empty(), driver.running(replica));
        assertTrue(driver.running(new ComputeSpec("primary-1", "shop", "main")).isPresent(), "the primary runs on");
    }

    @Test
    void oneOffReplicaStreamsFromThePrimaryAndIsDeletedOnStop() throws Exception {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);
        ComputeSpec primary = new ComputeSpec("primary-2", "shop", "reports");
        String primaryName = ComputeLabels.clusterName(primary);
        driver.ensureStorage(primary);
        operator.reportReady(primaryName, 1);
        ComputeSpec oneOff = ComputeSpec.oneOffReplica("one-off-1", "shop", "reports");
        String name = ComputeLabels.clusterName(oneOff);

        driver.ensureStorage(oneOff);
        GenericKubernetesResource cluster = operator.get(name);
        assertEquals(Map.of("enabled", true, "source", "origin"), cluster.get("spec", "replica"));
        assertEquals("origin", cluster.get("spec", "bootstrap", "pg_basebackup", "source"));
        Map<String, Object> origin = cluster.<List<Map<String, Object>>>get("spec", "externalClusters").get(0);
        assertEquals(primaryName + "-rw", ((Map<?, ?>) origin.get("connectionParameters")).get("host"));
        assertEquals("streaming_replica", ((Map<?, ?>) origin.get("connectionParameters")).get("user"));
        assertEquals(Map.of("name", primaryName + "-replication", "key", "tls.key"), origin.get("sslKey"));
        assertEquals(Map.of("name", primaryName + "-ca", "key", "ca.crt"), origin.get("sslRootCert"));
        assertEquals("one-off-replica", cluster.getMetadata().getLabels().get(ComputeLabels.KIND));

        Background<ComputeEndpoint> start = Background.call(() -> driver.start(oneOff));
        operator.reportReady(name, 1);
        assertEquals(new ComputeEndpoint(name + "-rw.test.svc", 5432), start.result());

        driver.stop(oneOff);
        assertNull(operator.get(name), "the one-off compute's Cluster is gone");
        assertEquals(Optional.empty(), driver.running(oneOff));
        assertTrue(driver.running(primary).isPresent());
    }

    @Test
    void oneOffReplicaOfAStoppedPrimaryIsRefused() {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        ComputeSpec oneOff = ComputeSpec.oneOffReplica("one-off-2", "shop", "stopped");

        ComputeDriverException failure = assertThrows(ComputeDriverException.class, () -> driver.ensureStorage(oneOff));

        assertTrue(failure.getMessage().contains("start the primary first"), failure.getMessage());
    }

    private static int instances(GenericKubernetesResource cluster) {
        return cluster.<Number>get("spec", "instances").intValue();
    }
}
