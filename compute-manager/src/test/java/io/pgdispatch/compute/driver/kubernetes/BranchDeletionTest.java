package io.pgdispatch.compute.driver.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.contract.target.PointInTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Deleting a branch deletes every Cluster labelled with it, and no other. */
@EnableKubernetesMockClient(crud = true)
class BranchDeletionTest {

    static KubernetesClient client;

    @Test
    void theBranchsClustersGoAndOtherBranchesStay() {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);
        ComputeSpec dev = new ComputeSpec("compute-dev", "shop", "dev");
        ComputeSpec devAtNoon = ComputeSpec.atPointInTime("compute-dev-noon", "shop", "dev",
            PointInTime.at(Instant.parse("2026-12-01T12:00:00Z")));
        ComputeSpec main = new ComputeSpec("compute-main", "shop", "main");
        ComputeSpec otherDev = new ComputeSpec("compute-other", "books", "dev");
        for (ComputeSpec spec : new ComputeSpec[] {dev, devAtNoon, main, otherDev}) {
            driver.ensureStorage(spec);
        }

        driver.deleteBranch("shop", "dev");

        assertNull(operator.get(ComputeLabels.clusterName(dev)));
        assertNull(operator.get(ComputeLabels.clusterName(devAtNoon)));
        assertNotNull(operator.get(ComputeLabels.clusterName(main)));
        assertNotNull(operator.get(ComputeLabels.clusterName(otherDev)));
        driver.deleteBranch("shop", "dev");
        assertEquals(2, client.genericKubernetesResources(Cnpg.CLUSTERS).list().getItems().size());
    }
}
