package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code options} parameter names the target for clients that send no server name, and carries the
 * compute's own settings beside it: routing items are taken out, switches reach the compute unchanged.
 */
@ExtendWith(DispatchSystemExtension.class)
class OptionsRoutingTest {

    @Test
    void aClientWithoutServerNameNamesItsClusterInOptions(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);

        Psql.Result result = psql.runWith(psql.connectionStringWithoutServerName(
            "options=cluster%3D" + tenant.clusterId()), "select current_user");

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals(tenant.role(), result.output());
    }

    @Test
    void switchesReachTheComputeAndRoutingItemsDoNot(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        String options = "'cluster:" + tenant.clusterId() + " -c statement_timeout=1s branch:main"
            + " -c dispatch.note=two\\\\ words'";

        Psql.Result result = psql.run("show statement_timeout; show dispatch.note", tenant.password(),
            "options=" + options);

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals("1s\ntwo words", result.output());
    }

    @Test
    void aHostNameAndOptionsNamingDifferentClustersAreRefused(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Tenant other = system.newTenant();

        Psql.Result result = new Psql(system, tenant).run("select 1", tenant.password(),
            "options=cluster:" + other.clusterId());

        assertNotEquals(0, result.exitCode());
        assertTrue(result.errors().contains("options name cluster \"" + other.clusterId() + "\""), result.errors());
    }

    @Test
    void anUnknownBranchIsRefusedWithItsName(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();

        Psql.Result unknownBranch = new Psql(system, tenant).run("select 1", tenant.password(),
            "options=branch:nosuch");

        assertTrue(unknownBranch.errors().contains("branch \"nosuch\" not found"), unknownBranch.errors());
    }
}
