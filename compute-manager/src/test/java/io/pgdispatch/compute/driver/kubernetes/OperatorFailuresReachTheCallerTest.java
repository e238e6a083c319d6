package io.pgdispatch.compute.driver.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.RoleSecret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the operator cannot do what the driver asked, the driver fails at once with the operator's own words (phase,
 * reason, condition message, role errors); when the operator says nothing, it fails after its timeout with the last
 * status it saw.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorFailuresReachTheCallerTest {

    static KubernetesClient client;

    @Test
    void stuckPhaseFailsTheStartWithTheOperatorsReason() {
        ComputeSpec spec = new ComputeSpec("compute-f", "shop", "broken");
        String name = ComputeLabels.clusterName(spec);
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        driver.ensureStorage(spec);

        Background<Object> start = Background.call(() -> driver.start(spec));
        new CnpgOperator(client).reportStuck(name, "Cluster is unrecoverable and needs manual intervention",
            "primary volume lost", "Cluster Is Not Ready");

        ComputeDriverException failure = assertThrows(ComputeDriverException.class, start::result);
        assertEquals("Cluster test/" + name + " cannot start: phase \"Cluster is unrecoverable and needs manual "
            + "intervention\" (primary volume lost), Ready=False: Cluster Is Not Ready", failure.getMessage());
    }

    @Test
    void refusedRoleFailsWithThePostgresError() {
        ComputeSpec spec = new ComputeSpec("compute-g", "shop", "roles");
        String name = ComputeLabels.clusterName(spec);
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);
        driver.ensureStorage(spec);
        operator.reportReady(name, 1);

        Background<Void> apply = Background.run(() -> driver.applyRoles(spec,
            List.of(new RoleSecret("postgres", "SCRAM-SHA-256$4096:c2FsdA==$a2V5:a2V5"))));
        operator.awaitCluster(name, cluster -> cluster.get("spec", "managed") != null);
        operator.reportRoleRefused(name, "postgres", "role \"postgres\" is reserved");

        ComputeDriverException failure = assertThrows(ComputeDriverException.class, apply::result);
        assertEquals("Cluster test/" + name + " cannot apply roles: postgres: role \"postgres\" is reserved",
            failure.getMessage());
    }

    @Test
    void silentOperatorTimesOutWithTheLastStatus() {
        ComputeSpec spec = new ComputeSpec("compute-h", "shop", "slow");
        String name = ComputeLabels.clusterName(spec);
        KubernetesDriver driver = new KubernetesDriver(client,
            TestSettings.withArchive().waitingAtMost(Duration.ofMillis(500)));
        driver.ensureStorage(spec);
        new CnpgOperator(client).reportStuck(name, "Setting up primary", "initdb job running", "Cluster Is Not Ready");

        ComputeDriverException failure = assertThrows(ComputeDriverException.class, () -> driver.start(spec));

        assertEquals("Cluster test/" + name + " did not start within PT0.5S: phase \"Setting up primary\" "
            + "(initdb job running), Ready=False: Cluster Is Not Ready", failure.getMessage());
    }
}
