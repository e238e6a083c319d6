package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deleting a cluster through the management API ends its sessions, removes the storage of every branch and its
 * endpoints, and leaves every other tenant's cluster as it was; deleting an account does so for each of its
 * clusters and removes its roles and keys.
 */
@ExtendWith(DispatchSystemExtension.class)
class DeletionTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(15);

    @Test
    void aDeletedClusterIsGoneWithItsBranchesEndpointsAndSessions(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Tenant neighbour = system.newTenant();
        Psql psql = new Psql(system, tenant);
        Psql neighbours = new Psql(system, neighbour);
        assertEquals(0, psql.run("create table items (id int)").exitCode());
        assertEquals(0, neighbours.run("create table items (id int); insert into items values (1)").exitCode());
        ManagementApi api = system.managementApi();
        api.createBranch(tenant, "dev", "main");
        String endpoint = api.createEndpoint(tenant, "{}").get("id").asText();
        String endpointHost = endpoint + ".endpoint." + DispatchSystem.DOMAIN;
        system.addHost(endpointHost);
        assertEquals(0, psql.runWith(hostConnection(system, tenant, endpointHost), "select 1").exitCode());
        Connection open = Jdbc.connect(system, tenant, "branch:dev");

        HttpResponse<String> deleted = api.deleteCluster(tenant);

        assertEquals(204, deleted.statusCode(), deleted.body());
        assertThrows(SQLException.class, () -> open.createStatement().execute("select 1"),
            "the open session ended with its compute");
        open.close();
        Psql.Result byHost = psql.run("select 1");
        assertTrue(byHost.errors().contains("cluster \"" + tenant.clusterId() + "\""), byHost.errors());
        Psql.Result byEndpoint = Await.until(PROPAGATION,
            () -> psql.runWith(hostConnection(system, tenant, endpointHost), "select 1"),
            attempt -> attempt.exitCode() != 0);
        assertTrue(byEndpoint.errors().contains("endpoint \"" + endpoint + "\""), byEndpoint.errors());
        assertEquals(404, api.getCluster(tenant).statusCode());
        assertTrue(system.branchFolders(tenant.clusterId()).isEmpty(), "no branch's storage is left");
        assertEquals("1", neighbours.run("select count(*) from items").output(), "the neighbour keeps its data");
    }

    @Test
    void aDeletedAccountTakesItsClustersRolesAndKeysWithIt(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Tenant neighbour = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table items (id int)").exitCode());
        assertEquals(0, new Psql(system, neighbour).run("select 1").exitCode());
        ManagementApi api = system.managementApi();

        HttpResponse<String> deleted = api.deleteAccount(tenant);

        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(401, api.getAccount(tenant).statusCode(), "its API key is gone");
        Psql.Result refused = psql.run("select 1");
        assertEquals(2, refused.exitCode(), refused.errors());
        assertTrue(system.branchFolders(tenant.clusterId()).isEmpty(), "no branch's storage is left");
        assertEquals(200, api.getAccount(neighbour).statusCode());
        assertEquals(0, new Psql(system, neighbour).run("select 1").exitCode(), "the neighbour goes on");
    }

    private static String hostConnection(DispatchSystem system, Tenant tenant, String host) {
        return "host=" + host + " hostaddr=127.0.0.1 port=" + system.proxyPort() + " user=" + tenant.role()
            + " dbname=postgres sslmode=verify-full sslrootcert=" + system.caCertificate();
    }
}
