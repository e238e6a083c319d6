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
import io.pgdispatch.compute.driver.PlatformRole;
import io.pgdispatch.contract.target.PointInTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A one-off copy is a writable Cluster of its own: a base backup of the running primary for the branch's head, or
 * the branch's archive recovered to a point in time; it archives nothing, lets {@code dispatch_anonymous} write, and
 * is deleted when it is stopped.
 */
@EnableKubernetesMockClient(crud = true)
class OneOffBranchClusterTest {

    private static final String VERIFIER = "SCRAM-SHA-256$4096:c2FuZGJveA==$c3RvcmVk:c2VydmVy";

    static KubernetesClient client;

    @Test
    void aCopyOfTheHeadIsABaseBackupOfThePrimaryThatBecomesAPrimaryOfItsOwn() throws Exception {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);
        ComputeSpec primary = new ComputeSpec("primary-s", "docs", "main");
        driver.ensureStorage(primary);
        operator.reportReady(ComputeLabels.clusterName(primary), 1);
        ComputeSpec copy = ComputeSpec.oneOffBranch("sandbox-1", "docs", "main", Optional.empty());
        String name = ComputeLabels.clusterName(copy);

        driver.ensureStorage(copy);

        GenericKubernetesResource cluster = operator.get(name);
        assertEquals("origin", cluster.get("spec", "bootstrap", "pg_basebackup", "source"));
        assertNull(cluster.get("spec", "replica"), "not a replica: it becomes a primary of its own");
        assertNull(cluster.get("spec", "backup"), "a copy discarded with its session archives nothing");
        Map<String, Object> origin = cluster.<List<Map<String, Object>>>get("spec", "externalClusters").get(0);
        assertEquals(ComputeLabels.clusterName(primary) + "-rw",
            ((Map<?, ?>) origin.get("connectionParameters")).get("host"));
        assertEquals("one-off-branch", cluster.getMetadata().getLabels().get(ComputeLabels.KIND));
        assertTrue(driver.needsRunningPrimary(copy));

        Background<ComputeEndpoint> start = Background.call(() -> driver.start(copy));
        operator.reportReady(name, 1);
        assertEquals(new ComputeEndpoint(name + "-rw.test.svc", 5432), start.result());
        Background<Void> roles = Background.run(() -> driver.applyPlatformRoles(copy,
            Map.of(PlatformRole.ANONYMOUS, VERIFIER, PlatformRole.LINK, VERIFIER)));
        operator.awaitCluster(name, changed -> changed.get("spec", "managed") != null);
        operator.reportRolesApplied(name);
        roles.result();
        List<Map<String, Object>> declared = operator.get(name).get("spec", "managed", "roles");
        assertEquals(List.of("dispatch_anonymous"), declared.stream().map(role -> role.get("name")).toList(),
            "the other roles come with the copy");
        assertEquals(List.of("pg_read_all_data", "pg_write_all_data"), declared.get(0).get("inRoles"));

        driver.stop(copy);
        assertNull(operator.get(name), "the copy's Cluster is deleted with it");
        assertTrue(driver.running(primary).isPresent());
    }

    @Test
    void aCopyAtAPointInTimeRecoversTheBranchArchiveWritable() {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        ComputeSpec copy = ComputeSpec.oneOffBranch("sandbox-2", "docs", "main",
            Optional.of(PointInTime.at(Instant.parse("2026-12-01T10:00:00Z"))));

        driver.ensureStorage(copy);

        GenericKubernetesResource cluster = new CnpgOperator(client).get(ComputeLabels.clusterName(copy));
        assertEquals(Map.of("targetTime", "2026-12-01T10:00:00Z"),
            cluster.get("spec", "bootstrap", "recovery", "recoveryTarget"));
        assertNull(cluster.get("spec", "postgresql"), "writable, unlike a shared point in time");
        assertEquals(false, driver.needsRunningPrimary(copy));
    }

    @Test
    void aCopyOfTheHeadNeedsTheRunningPrimary() {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        ComputeSpec copy = ComputeSpec.oneOffBranch("sandbox-3", "docs", "asleep", Optional.empty());

        ComputeDriverException refused = assertThrows(ComputeDriverException.class, () -> driver.ensureStorage(copy));

        assertTrue(refused.getMessage().contains("start the primary first"), refused.getMessage());
    }
}
