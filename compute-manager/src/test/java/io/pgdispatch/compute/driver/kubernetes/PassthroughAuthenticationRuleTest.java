package io.pgdispatch.compute.driver.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.HostAuthentication;
import io.pgdispatch.contract.target.PointInTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cluster with passthrough authentication gets its method as a pg_hba rule of each Cluster, which the default
 * method removes again; the rule changes nothing else of the Cluster's PostgreSQL settings.
 */
@EnableKubernetesMockClient(crud = true)
class PassthroughAuthenticationRuleTest {

    private static final HostAuthentication LDAP = new HostAuthentication("ldap",
        "ldapserver=ldap.internal ldapbasedn=\"ou=people,dc=example,dc=org\" ldapsearchattribute=uid");

    static KubernetesClient client;

    @Test
    void theMethodBecomesOneRuleForEveryHostAndTheDefaultRemovesIt() {
        ComputeSpec spec = new ComputeSpec("compute-h", "shop", "main");
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        CnpgOperator operator = new CnpgOperator(client);
        String name = ComputeLabels.clusterName(spec);
        driver.ensureStorage(spec);

        driver.authenticateWith(spec, LDAP);

        GenericKubernetesResource cluster = operator.get(name);
        assertEquals(List.of("host all all all ldap ldapserver=ldap.internal"
            + " ldapbasedn=\"ou=people,dc=example,dc=org\" ldapsearchattribute=uid"),
            cluster.get("spec", "postgresql", "pg_hba"));
        driver.authenticateWith(spec, LDAP);
        assertEquals(cluster.getMetadata().getResourceVersion(), operator.get(name).getMetadata()
            .getResourceVersion(), "the same method again changes nothing");

        driver.authenticateWith(spec, new HostAuthentication("md5", ""));
        assertEquals(List.of("host all all all md5"), operator.get(name).get("spec", "postgresql", "pg_hba"));

        driver.authenticateWith(spec, HostAuthentication.DEFAULT);
        assertNull(operator.get(name).get("spec", "postgresql", "pg_hba"));
    }

    @Test
    void aPointInTimeKeepsItsReadOnlySettingBesideTheRule() {
        ComputeSpec spec = ComputeSpec.atPointInTime("pitr-h", "shop", "main",
            PointInTime.at(Instant.parse("2026-11-30T08:15:00Z")));
        KubernetesDriver driver = new KubernetesDriver(client, TestSettings.withArchive());
        String name = ComputeLabels.clusterName(spec);
        driver.ensureStorage(spec);

        driver.authenticateWith(spec, LDAP);

        GenericKubernetesResource cluster = new CnpgOperator(client).get(name);
        assertEquals(1, cluster.<List<String>>get("spec", "postgresql", "pg_hba").size());
        assertEquals("on", cluster.get("spec", "postgresql", "parameters", "default_transaction_read_only"));
    }
}
