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
import io.pgdispatch.contract.target.PointInTime;
import io.pgdispatch.contract.target.Lsn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A point-in-time compute is a Cluster of its own, recovered from its branch's archive with exactly the requested
 * recovery target, read-only by default, and served on its own {@code -rw} Service.
 */
@EnableKubernetesMockClient(crud = true)
class PointInTimeClusterTest {

    static KubernetesClient client;

    @Test
    void clusterRecoversToTheRequestedTime() throws Exception {
        Instant time = Instant.parse("2026-11-30T08:15:42.123456Z");
        ComputeSpec spec = ComputeSpec.atPointInTime("pitr-time", "shop", "main", PointInTime.at(time));
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());

        driver.ensureStorage(spec);

        GenericKubernetesResource cluster = new CnpgOperator(client).get(ComputeLabels.clusterName(spec));
        assertEquals(Map.of("targetTime", "2026-11-30T08:15:42.123456Z"),
            cluster.get("spec", "bootstrap", "recovery", "recoveryTarget"));
        assertRecoversFromTheBranchArchive(cluster, spec);
        assertEquals("point-in-time", cluster.getMetadata().getLabels().get(ComputeLabels.KIND));
        assertEquals("pitr-time", cluster.getMetadata().getLabels().get(ComputeLabels.COMPUTE));
    }

    @Test
    void clusterRecoversToTheRequestedLsnAndServesReadOnly() throws Exception {
        PointInTime lsn = PointInTime.at(Lsn.parse("1/AB0C3D8"));
        ComputeSpec spec = ComputeSpec.atPointInTime("pitr-lsn", "shop", "main", lsn);
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);
        String name = ComputeLabels.clusterName(spec);

        driver.ensureStorage(spec);
        Background<ComputeEndpoint> start = Background.call(() -> driver.start(spec));
        operator.awaitCluster(name, cluster -> true);
        operator.reportReady(name, 1);

        assertEquals(new ComputeEndpoint(name + "-rw.test.svc", 5432), start.result());
        GenericKubernetesResource cluster = operator.get(name);
        assertEquals(Map.of("targetLSN", "1/AB0C3D8"), cluster.get("spec", "bootstrap", "recovery", "recoveryTarget"));
        assertEquals("on", cluster.get("spec", "postgresql", "parameters", "default_transaction_read_only"));
        assertNull(cluster.get("spec", "backup"), "a view of the past archives nothing");
        assertTrue(client.genericKubernetesResources(Cnpg.SCHEDULED_BACKUPS).list().getItems().stream()
            .noneMatch(backup -> backup.getMetadata().getName().equals(name)));
    }

    @Test
    void withoutAnArchiveThePointInTimeIsRefusedNamingTheSetting() {
        ComputeSpec spec = ComputeSpec.atPointInTime("pitr-none", "shop", "main",
            PointInTime.at(Instant.parse("2026-11-30T08:00:00Z")));
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withoutArchive());

        ComputeDriverException failure = assertThrows(ComputeDriverException.class, () -> driver.ensureStorage(spec));

        assertTrue(failure.getMessage().contains("dispatch.compute.kubernetes.backup.destination-path"),
            failure.getMessage());
        assertNull(new CnpgOperator(client).get(ComputeLabels.clusterName(spec)));
    }

    private static void assertRecoversFromTheBranchArchive(GenericKubernetesResource cluster, ComputeSpec spec) {
        String source = cluster.get("spec", "bootstrap", "recovery", "source");
        List<Map<String, Object>> external = cluster.get("spec", "externalClusters");
        assertEquals(1, external.size());
        assertEquals(source, external.get(0).get("name"));
        Map<?, ?> store = (Map<?, ?>) external.get(0).get("barmanObjectStore");
        assertEquals(TestSettings.ARCHIVE, store.get("destinationPath"));
        assertEquals(ComputeLabels.branchClusterName(spec), store.get("serverName"));
    }
}
