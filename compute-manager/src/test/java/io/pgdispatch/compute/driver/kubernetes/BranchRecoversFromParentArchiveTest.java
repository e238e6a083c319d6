package io.pgdispatch.compute.driver.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.StorageExistsException;
import io.pgdispatch.contract.target.Lsn;
import io.pgdispatch.contract.target.PointInTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A branch made from its parent is a Cluster recovered from the parent's archive, left hibernated once the recovery
 * is done; it never replaces an existing Cluster, and a failed recovery leaves nothing behind.
 */
@EnableKubernetesMockClient(crud = true)
class BranchRecoversFromParentArchiveTest {

    static KubernetesClient client;

    private final ComputeSpec parent = new ComputeSpec("compute-main", "shop", "main");

    @Test
    void branchRecoversAndWaitsHibernated() throws Exception {
        ComputeSpec branch = new ComputeSpec("compute-dev", "shop", "dev");
        String name = ComputeLabels.clusterName(branch);
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);

        Background<Void> copy = Background.run(() -> driver.createBranchStorage(parent, branch, Optional.empty()));
        operator.awaitCluster(name, cluster -> true);
        operator.reportReady(name, 1);
        operator.awaitCluster(name, CnpgOperator::hibernationRequested);
        operator.reportHibernated(name);
        copy.result();

        GenericKubernetesResource cluster = operator.get(name);
        assertEquals("origin", cluster.get("spec", "bootstrap", "recovery", "source"));
        assertNull(cluster.get("spec", "bootstrap", "recovery", "recoveryTarget"), "replayed to the archive's end");
        Map<?, ?> store = (Map<?, ?>) cluster.<List<Map<String, Object>>>get("spec", "externalClusters").get(0)
            .get("barmanObjectStore");
        assertEquals(ComputeLabels.clusterName(parent), store.get("serverName"));
        assertEquals(TestSettings.ARCHIVE, cluster.get("spec", "backup", "barmanObjectStore", "destinationPath"));
        assertEquals("dev", cluster.getMetadata().getLabels().get(ComputeLabels.BRANCH));

        StorageExistsException again = assertThrows(StorageExistsException.class,
            () -> driver.createBranchStorage(parent, branch, Optional.empty()));
        assertTrue(again.getMessage().contains("choose another branch id"), again.getMessage());
    }

    @Test
    void aBranchAtAnLsnRecoversToExactlyThatTarget() throws Exception {
        ComputeSpec branch = new ComputeSpec("compute-past", "shop", "past");
        String name = ComputeLabels.clusterName(branch);
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);

        Background<Void> copy = Background.run(() -> driver.createBranchStorage(parent, branch,
            Optional.of(PointInTime.at(Lsn.parse("2/AB0C3D8")))));
        operator.awaitCluster(name, cluster -> true);
        operator.reportReady(name, 1);
        operator.awaitCluster(name, CnpgOperator::hibernationRequested);
        operator.reportHibernated(name);
        copy.result();

        assertEquals(Map.of("targetLSN", "2/AB0C3D8"),
            operator.get(name).get("spec", "bootstrap", "recovery", "recoveryTarget"));
    }

    @Test
    void failedRecoveryIsDeletedSoThatItCanBeRetried() {
        ComputeSpec branch = new ComputeSpec("compute-bad", "shop", "bad");
        String name = ComputeLabels.clusterName(branch);
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);

        Background<Void> copy = Background.run(() -> driver.createBranchStorage(parent, branch, Optional.empty()));
        operator.awaitCluster(name, cluster -> true);
        operator.reportStuck(name, "Unable to create required cluster objects", "no backup found in the archive",
            "Cluster Is Not Ready");

        ComputeDriverException failure = assertThrows(ComputeDriverException.class, copy::result);
        assertTrue(failure.getMessage().contains("cannot recover from its parent's backups: phase \"Unable to create "
            + "required cluster objects\" (no backup found in the archive)"), failure.getMessage());
        assertNull(operator.get(name));
    }
}
