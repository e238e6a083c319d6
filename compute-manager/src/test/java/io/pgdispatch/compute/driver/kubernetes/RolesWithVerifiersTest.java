package io.pgdispatch.compute.driver.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.RoleSecret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Roles reach a primary as CloudNativePG managed roles whose password Secrets hold the SCRAM verifiers as they are;
 * the driver returns only once the operator reports the current version of every Secret applied.
 */
@EnableKubernetesMockClient(crud = true)
class RolesWithVerifiersTest {

    private static final String ALICE = "SCRAM-SHA-256$4096:YWxpY2Vfc2FsdA==$c3RvcmVk:c2VydmVy";
    private static final String ALICE_NEW = "SCRAM-SHA-256$4096:bmV3X3NhbHQ=$bmV3c3RvcmVk:bmV3c2VydmVy";

    static KubernetesClient client;

    private final ComputeSpec spec = new ComputeSpec("compute-r", "shop", "main");
    private final String name = ComputeLabels.clusterName(spec);

    @Test
    void rolesAreManagedWithTheirVerifiersAndAStaleReportDoesNotCount() throws Exception {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);
        driver.ensureStorage(spec);
        operator.reportReady(name, 1);

        Background<Void> apply = Background.run(() -> driver.applyRoles(spec,
            List.of(new RoleSecret("alice", ALICE), new RoleSecret("Report Writer", ALICE))));
        operator.awaitCluster(name, cluster -> cluster.get("spec", "managed") != null);
        operator.reportRolesApplied(name);
        apply.result();

        List<Map<String, Object>> roles = operator.get(name).get("spec", "managed", "roles");
        assertEquals(List.of("alice", "Report Writer"), roles.stream().map(role -> role.get("name")).toList());
        assertEquals(true, roles.get(0).get("login"));
        Secret secret = client.secrets().withName(ComputeLabels.roleSecretName(name, "alice")).get();
        assertEquals(Map.of("name", secret.getMetadata().getName()), roles.get(0).get("passwordSecret"));
        assertEquals("kubernetes.io/basic-auth", secret.getType());
        assertEquals(Map.of("username", "alice", "password", ALICE), secret.getStringData());
        assertEquals("true", secret.getMetadata().getLabels().get(Cnpg.RELOAD));
        assertEquals("compute-r", secret.getMetadata().getLabels().get(ComputeLabels.COMPUTE));
        assertEquals(name, secret.getMetadata().getOwnerReferences().get(0).getName());

        KubernetesDriver impatient = new KubernetesDriver(client,
            TestSettings.withArchive().waitingAtMost(Duration.ofMillis(500)));
        ComputeDriverException stale = assertThrows(ComputeDriverException.class,
            () -> impatient.applyRoles(spec, List.of(new RoleSecret("alice", ALICE_NEW))));
        assertTrue(stale.getMessage().contains("did not apply roles"), stale.getMessage());
        assertEquals(ALICE_NEW, client.secrets().withName(secret.getMetadata().getName()).get().getStringData()
            .get("password"));
    }

    @Test
    void replicasAndPointsInTimeTakeNoRoles() {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());

        driver.applyRoles(ComputeSpec.replica("replica-r", "shop", "main"), List.of(new RoleSecret("bob", ALICE)));

        assertTrue(client.secrets().list().getItems().stream()
            .noneMatch(secret -> "bob".equals(secret.getStringData().get("username"))));
    }
}
