package io.pgdispatch.compute.driver.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A branch's primary on the mock API server: its Cluster is created with the branch's labels and archive, starts
 * when the operator reports it ready, hibernates on stop, and is woken by removing the hibernation annotation.
 */
@EnableKubernetesMockClient(crud = true)
class PrimaryHibernatesAndWakesTest {

    static KubernetesClient client;

    private final ComputeSpec spec = new ComputeSpec("compute-1", "shop", "main");
    private final String name = ComputeLabels.clusterName(spec);

    @Test
    void createdClusterCarriesTheIdsTheVolumeAndTheArchive() {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());

        String where = driver.ensureStorage(spec);

        GenericKubernetesResource cluster = new CnpgOperator(client).get(name);
        assertEquals("test/" + name, where);
        Map<String, String> labels = cluster.getMetadata().getLabels();
        assertEquals("shop", labels.get(ComputeLabels.CLUSTER));
        assertEquals("main", labels.get(ComputeLabels.BRANCH));
        assertEquals("compute-1", labels.get(ComputeLabels.COMPUTE));
        assertEquals("primary", labels.get(ComputeLabels.KIND));
        assertEquals(labels, cluster.get("spec", "inheritedMetadata", "labels"), "pods and Services get the labels");
        assertEquals(1, cluster.<Number>get("spec", "instances").intValue());
        assertEquals("2Gi", cluster.get("spec", "storage", "size"));
        assertEquals("ghcr.io/cloudnative-pg/postgresql:17.5", cluster.get("spec", "imageName"));
        assertEquals(TestSettings.ARCHIVE, cluster.get("spec", "backup", "barmanObjectStore", "destinationPath"));
        assertEquals("backup-credentials",
            cluster.get("spec", "backup", "barmanObjectStore", "s3Credentials", "accessKeyId", "name"));
        GenericKubernetesResource backups = client.genericKubernetesResources(Cnpg.SCHEDULED_BACKUPS).withName(name)
            .get();
        assertEquals(name, backups.get("spec", "cluster", "name"));
        assertEquals(true, backups.get("spec", "immediate"), "a first base backup is taken at once");
        assertEquals(name, backups.getMetadata().getOwnerReferences().get(0).getName());
        assertEquals(where, driver.ensureStorage(spec), "a second call finds the Cluster");
    }

    @Test
    void startWaitsForTheOperatorThenStopHibernatesAndStartWakes() throws Exception {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);
        driver.ensureStorage(spec);
        ComputeEndpoint expected = new ComputeEndpoint(name + "-rw.test.svc", 5432);

        Background<ComputeEndpoint> start = Background.call(() -> driver.start(spec));
        operator.awaitCluster(name, cluster -> true);
        operator.reportReady(name, 1);
        assertEquals(expected, start.result());
        assertEquals(Optional.of(expected), driver.running(spec));

        Background<Void> stop = Background.run(() -> driver.stop(spec));
        operator.awaitCluster(name, CnpgOperator::hibernationRequested);
        operator.reportHibernated(name);
        stop.result();
        assertEquals(Optional.empty(), driver.running(spec));

        Background<ComputeEndpoint> wake = Background.call(() -> driver.start(spec));
        GenericKubernetesResource woken = operator.awaitCluster(name,
            cluster -> !CnpgOperator.hibernationRequested(cluster));
        assertNull(woken.getMetadata().getAnnotations().get(Cnpg.HIBERNATION), "wake clears the annotation");
        operator.reportReady(name, 1);
        assertEquals(expected, wake.result());
        assertTrue(driver.running(spec).isPresent());
    }
}
