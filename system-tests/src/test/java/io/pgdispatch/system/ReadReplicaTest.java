package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code read-replica} in options reaches the branch's shared hot standby, which follows the primary within
 * seconds; {@code read-replica:new} gets a standby of the session's own, gone with the session.
 */
@ExtendWith(DispatchSystemExtension.class)
class ReadReplicaTest {

    private static final Duration FOLLOW = Duration.ofSeconds(10);
    private static final String SHARED = "options=read-replica";
    private static final String OWN = "options=read-replica:new";

    @Test
    void theSharedReplicaSeesACommitWithinSecondsAndRefusesWrites(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table notes (id int primary key); insert into notes values (1)").exitCode());

        Psql.Result standby = psql.run("select pg_is_in_recovery()", tenant.password(), SHARED);
        assertEquals(0, psql.run("insert into notes values (2)").exitCode());
        Psql.Result followed = Await.until(FOLLOW, () -> psql.run("select max(id) from notes", tenant.password(),
            SHARED), result -> "2".equals(result.output()));
        Psql.Result write = psql.runVerbose("insert into notes values (9)", SHARED);

        assertEquals("t", standby.output(), standby.errors());
        assertEquals("2", followed.output(), followed.errors());
        assertTrue(write.errors().contains("25006: cannot execute INSERT in a read-only transaction"),
            write.errors());
    }

    @Test
    void anEndpointOfTheReplicaServesTheStandby(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        String endpoint = system.managementApi().createEndpoint(tenant, "{\"readReplica\": true}").get("id").asText();

        Psql.Result result = psql.runWith("host=" + endpoint + ".endpoint." + DispatchSystem.DOMAIN
            + " hostaddr=127.0.0.1 port=" + system.proxyPort() + " user=" + tenant.role() + " dbname=postgres"
            + " sslmode=verify-full sslrootcert=" + system.caCertificate(), "select pg_is_in_recovery()");

        assertEquals("t", result.output(), result.errors());
    }

    @Test
    void aReplicaOfItsOwnIsANewInstanceThatIsGoneAfterTheSession(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table notes (id int primary key); insert into notes values (1)").exitCode());
        try (ComputeEventLog events = new ComputeEventLog(system)) {
            Psql.Result shared = psql.run("select inet_server_port()", tenant.password(), SHARED);
            Psql.Result own = psql.run("select inet_server_port(), pg_is_in_recovery(), count(*) from notes",
                tenant.password(), OWN);

            List<JsonNode> removed = events.await(tenant.clusterId(), "REMOVED", 1, Duration.ofSeconds(30));
            String computeId = removed.get(0).path("computeId").asText();
            int ownPort = Integer.parseInt(own.output().split("\\|")[0]);

            assertNotEquals(shared.output(), String.valueOf(ownPort), own.errors());
            assertEquals("t|1", own.output().substring(own.output().indexOf('|') + 1));
            assertThrows(IOException.class, () -> new Socket("127.0.0.1", ownPort).close(),
                "nothing listens on the one-off replica's port");
            assertTrue(system.runningComputes().stream().noneMatch(data -> data.toString().contains(computeId)),
                "no process or folder is left of compute " + computeId);
        }
    }
}
