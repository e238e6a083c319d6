package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No way of naming a target lets a role of one account into another account's cluster: every combination of
 * host name and options that points at the victim's cluster, with the intruder's own valid credentials, is
 * refused, and the victim's data stays out of reach.
 */
@ExtendWith(DispatchSystemExtension.class)
class TenantIsolationTest {

    @Test
    void anIntrudersOwnCredentialsOpenNoOtherAccountsCluster(DispatchSystem system) throws Exception {
        Tenant victim = system.newTenant();
        Tenant intruder = system.newTenant();
        assertEquals(0, new Psql(system, victim).run("create table secrets (x text)").exitCode());
        Psql asIntruder = new Psql(system, intruder);
        Psql intoVictim = new Psql(system, new Tenant(intruder.accountId(), intruder.apiKey(), intruder.role(),
            intruder.password(), victim.clusterId()));

        List<Psql.Result> attempts = List.of(
            intoVictim.run("select * from secrets"),
            intoVictim.run("select * from secrets", intruder.password(), "options=branch:main"),
            intoVictim.runWith(intoVictim.connectionStringWithoutServerName(
                "options=cluster:" + victim.clusterId()), "select * from secrets"),
            asIntruder.run("select * from secrets", intruder.password(), "options=cluster:" + victim.clusterId()));

        for (Psql.Result attempt : attempts) {
            assertNotEquals(0, attempt.exitCode(), attempt.output());
            assertTrue(attempt.errors().contains("password authentication failed")
                || attempt.errors().contains("options name cluster"), attempt.errors());
        }
    }

    @Test
    void theManagementApiShowsNoOtherAccountsCluster(DispatchSystem system) throws Exception {
        Tenant victim = system.newTenant();
        Tenant intruder = system.newTenant();
        ManagementApi api = system.managementApi();

        int read = api.send("GET", system.routerPort(), "/v1/clusters/" + victim.clusterId(), intruder.apiKey(),
            null).statusCode();
        int branch = api.send("POST", system.routerPort(), "/v1/clusters/" + victim.clusterId() + "/branches",
            intruder.apiKey(), "{\"name\": \"stolen\"}").statusCode();
        String listed = api.send("GET", system.routerPort(), "/v1/clusters", intruder.apiKey(), null).body();

        assertEquals(404, read);
        assertEquals(404, branch);
        assertTrue(listed.contains(intruder.clusterId()) && !listed.contains(victim.clusterId()), listed);
    }
}
