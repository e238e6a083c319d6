package io.pgdispatch.compute.driver.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.PlatformRole;
import io.pgdispatch.compute.driver.RoleSecret;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Roles reach a primary as CloudNativePG managed roles whose password Secrets hold the SCRAM verifiers as they are;
 * the driver returns only once the operator reports the current version of every Secret applied. The platform roles
 * are declared beside them and kept when the account's roles change.
 */
@EnableKubernetesMockClient(crud = true)
class RolesWithVerifiersTest {

    private static final String ALICE = "SCRAM-SHA-256$4096:YWxpY2Vfc2FsdA==$c3RvcmVk:c2VydmVy";
    private static final String ALICE_NEW = "SCRAM-SHA-256$4096:bmV3X3NhbHQ=$bmV3c3RvcmVk:bmV3c2VydmVy";
    private static final String LINK_VERIFIER = "SCRAM-SHA-256$4096:bGlua19zYWx0$bGlua3N0b3JlZA==:bGlua3NlcnZlcg==";
    private static final String ANONYMOUS_VERIFIER = "SCRAM-SHA-256$4096:YW5vbl9zYWx0$YW5vbnN0b3JlZA==:c2VydmVy";

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
    void platformRolesAreManagedBesideTheAccountRolesAndLinkTakesEachAccountRole() throws Exception {
        ComputeSpec branch = new ComputeSpec("compute-p", "docs", "main");
        String cluster = ComputeLabels.clusterName(branch);
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);
        driver.ensureStorage(branch);
        operator.reportReady(cluster, 1);
        applied(operator, cluster, () -> driver.applyRoles(branch,
            List.of(new RoleSecret("alice", ALICE), new RoleSecret("bob", ALICE))));

        applied(operator, cluster, () -> driver.applyPlatformRoles(branch,
            Map.of(PlatformRole.LINK, LINK_VERIFIER, PlatformRole.ANONYMOUS, ANONYMOUS_VERIFIER)));

        Map<String, Map<String, Object>> roles = declaredRoles(operator, cluster);
        assertEquals(List.of("alice", "bob", "dispatch_anonymous", "dispatch_link"), List.copyOf(roles.keySet()));
        Map<String, Object> anonymous = roles.get("dispatch_anonymous");
        assertEquals(List.of("pg_read_all_data"), anonymous.get("inRoles"));
        assertEquals(false, anonymous.get("createdb"));
        assertEquals(true, anonymous.get("login"));
        Map<String, Object> link = roles.get("dispatch_link");
        assertEquals(List.of("alice", "bob"), link.get("inRoles"));
        assertEquals(false, link.get("inherit"));
        assertEquals(LINK_VERIFIER, passwordOf(link));
        assertEquals(ANONYMOUS_VERIFIER, passwordOf(anonymous));
        assertEquals(ALICE, passwordOf(roles.get("bob")));

        applied(operator, cluster, () -> driver.applyRoles(branch, List.of(new RoleSecret("alice", ALICE_NEW))));

        roles = declaredRoles(operator, cluster);
        assertEquals(List.of("alice", "dispatch_anonymous", "dispatch_link"), List.copyOf(roles.keySet()));
        assertEquals(List.of("alice"), roles.get("dispatch_link").get("inRoles"));
        assertEquals(LINK_VERIFIER, passwordOf(roles.get("dispatch_link")));
        assertEquals(ALICE_NEW, passwordOf(roles.get("alice")));
    }

    @Test
    void aRoleDeclaredByHandWithoutASecretIsRefusedNamingIt() {
        ComputeSpec branch = new ComputeSpec("compute-h", "hand", "main");
        String cluster = ComputeLabels.clusterName(branch);
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        driver.ensureStorage(branch);
        client.genericKubernetesResources(Cnpg.CLUSTERS).withName(cluster).edit(edited -> {
            edited.setAdditionalProperty("spec", withHandRole(edited.get("spec")));
            return edited;
        });

        ComputeDriverException refused = assertThrows(ComputeDriverException.class,
            () -> driver.applyRoles(branch, List.of(new RoleSecret("alice", ALICE))));

        assertTrue(refused.getMessage().contains("declares role \"dba\" without a password Secret"),
            refused.getMessage());
    }

    @Test
    void replicasAndPointsInTimeTakeNoRoles() {
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());

        ComputeSpec replica = ComputeSpec.replica("replica-r", "shop", "main");
        driver.applyRoles(replica, List.of(new RoleSecret("bob", ALICE)));
        driver.applyPlatformRoles(replica, Map.of(PlatformRole.ANONYMOUS, ANONYMOUS_VERIFIER));

        String cluster = ComputeLabels.clusterName(replica);
        assertNull(client.secrets().withName(ComputeLabels.roleSecretName(cluster, "bob")).get());
        assertNull(client.secrets().withName(ComputeLabels.roleSecretName(cluster, "dispatch_anonymous")).get());
    }

    private static Map<String, Object> withHandRole(Map<String, Object> spec) {
        Map<String, Object> changed = new LinkedHashMap<>(spec);
        changed.put("managed", Map.of("roles", List.of(Map.of("name", "dba", "ensure", "present", "login", true))));
        return changed;
    }

    /** Runs a driver call that changes the roles, reporting them applied once the Cluster declares the change. */
    private static void applied(CnpgOperator operator, String cluster, Runnable call) throws Exception {
        Object before = operator.get(cluster).get("spec", "managed");
        Background<Void> apply = Background.run(call);
        operator.awaitCluster(cluster, changed -> !Objects.equals(before, changed.get("spec", "managed")));
        operator.reportRolesApplied(cluster);
        apply.result();
    }

    private static Map<String, Map<String, Object>> declaredRoles(CnpgOperator operator, String cluster) {
        List<Map<String, Object>> roles = operator.get(cluster).get("spec", "managed", "roles");
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        roles.forEach(role -> byName.put((String) role.get("name"), role));
        return byName;
    }

    private static String passwordOf(Map<String, Object> role) {
        String secret = (String) ((Map<?, ?>) role.get("passwordSecret")).get("name");
        return client.secrets().withName(secret).get().getStringData().get("password");
    }
}
