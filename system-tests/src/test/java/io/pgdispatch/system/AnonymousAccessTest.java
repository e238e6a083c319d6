package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Anonymous sessions with real psql and pgjdbc (user "anonymous", no password): refused until the cluster allows
 * them, then read-only on the branch's replica as an unprivileged role, or each in a writable sandbox of its own
 * that is gone with it; with their own statement timeout and connection limit, and through an endpoint with a
 * setting of its own. The owner's data never changes.
 */
@ExtendWith(DispatchSystemExtension.class)
class AnonymousAccessTest {

    private static final Duration CHANGED = Duration.ofSeconds(60);

    @Test
    void readOnlyAnonymousSessionsReadTheReplicaAndCannotWrite(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql owner = new Psql(system, tenant);
        assertEquals(0, owner.run("create table notes (id int); insert into notes values (1)").exitCode());
        Psql.Result refused = anonymous(system, tenant, "select 1");
        assertTrue(refused.errors().contains("does not allow anonymous access"), refused.errors());

        system.managementApi().updateCluster(tenant,
            "{\"anonymous\": {\"access\": \"read-only\", \"statementTimeoutMs\": 1000}}");

        Await.until(CHANGED, () -> anonymous(system, tenant,
                "select current_user, pg_is_in_recovery(), count(*) from notes").output().trim(),
            "dispatch_anonymous|t|1"::equals);
        Psql.Result write = anonymous(system, tenant, "insert into notes values (2)");
        assertTrue(write.errors().contains("read-only transaction"), write.errors());
        Psql.Result slow = anonymous(system, tenant, "select pg_sleep(3)");
        assertTrue(slow.errors().contains("statement timeout"), slow.errors());
        assertEquals("1", owner.run("select count(*) from notes").output().trim());
    }

    @Test
    void eachSandboxSessionWritesToACopyOfItsOwn(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql owner = new Psql(system, tenant);
        assertEquals(0, owner.run("create table notes (id int); insert into notes values (1)").exitCode());
        system.managementApi().updateCluster(tenant, "{\"anonymous\": {\"access\": \"sandbox\"}}");

        Await.until(CHANGED, () -> anonymous(system, tenant, "insert into notes values (2), (3);"
            + " select count(*) from notes"), result -> result.output().trim().equals("INSERT 0 2\n3"));
        try (Connection first = anonymousJdbc(system, tenant); Connection second = anonymousJdbc(system, tenant)) {
            for (Connection each : List.of(first, second)) {
                try (Statement statement = each.createStatement()) {
                    statement.execute("create table scratch (session text)");
                    statement.execute("insert into scratch values (pg_backend_pid()::text)");
                }
            }
            assertEquals(1, count(first, "scratch"), "each sandbox has its own table of the same name");
            assertEquals(1, count(second, "scratch"));
            assertEquals(1, count(first, "notes"), "a new sandbox starts from the branch, without the last one's rows");
        }

        assertEquals("1", owner.run("select count(*) from notes").output().trim());
        Psql.Result scratch = owner.run("select 1 from scratch");
        assertTrue(scratch.errors().contains("relation \"scratch\" does not exist"), scratch.errors());
    }

    @Test
    void anonymousSessionsHaveTheirOwnConnectionLimit(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql owner = new Psql(system, tenant);
        assertEquals(0, owner.run("create table notes (id int)").exitCode());
        system.managementApi().updateCluster(tenant,
            "{\"anonymous\": {\"access\": \"read-only\", \"connectionLimit\": 1}}");
        Connection first = Await.until(CHANGED, () -> anonymousJdbc(system, tenant), connection -> connection != null);

        try (first) {
            Psql.Result second = anonymous(system, tenant, "select 1");
            assertTrue(second.errors().contains("too many anonymous sessions"), second.errors());
            assertEquals(0, owner.run("select 1").exitCode(), "the account's roles are not limited by it");
        }
        Await.until(CHANGED, () -> anonymous(system, tenant, "select 1").exitCode(), code -> code == 0);
    }

    @Test
    void anEndpointCanServeAnonymousSessionsWithLimitsOfItsOwnWhileItsClusterDoesNot(DispatchSystem system)
            throws Exception {
        Tenant tenant = system.newTenant();
        Psql owner = new Psql(system, tenant);
        assertEquals(0, owner.run("create table notes (id int); insert into notes values (1)").exitCode());
        String docs = system.managementApi().createEndpoint(tenant,
            "{\"anonymous\": {\"access\": \"read-only\", \"connectionLimit\": 1}}").get("id").asText();
        String host = docs + ".endpoint." + DispatchSystem.DOMAIN;
        system.addHost(host);

        Psql.Result read = Await.until(CHANGED, () -> anonymousThrough(system, tenant, host,
            "select current_user, count(*) from notes"), result -> result.exitCode() == 0);
        Psql.Result direct = anonymous(system, tenant, "select 1");

        assertEquals("dispatch_anonymous|1", read.output().trim(), read.errors());
        assertTrue(direct.errors().contains("cluster \"" + tenant.clusterId() + "\" does not allow anonymous access"),
            direct.errors());
        try (Connection held = Jdbc.connect(system, host, "anonymous", "")) {
            Psql.Result second = anonymousThrough(system, tenant, host, "select 1");
            assertTrue(second.errors().contains("too many anonymous sessions on endpoint \"" + docs + "\""),
                second.errors());
        }
    }

    private static Psql.Result anonymousThrough(DispatchSystem system, Tenant tenant, String host, String sql)
            throws Exception {
        return new Psql(system, tenant).runWithPassword("host=" + host + " hostaddr=127.0.0.1 port="
            + system.proxyPort() + " user=anonymous dbname=postgres sslmode=verify-full sslrootcert="
            + system.caCertificate(), "", sql);
    }

    private static Psql.Result anonymous(DispatchSystem system, Tenant tenant, String sql) throws Exception {
        Psql psql = new Psql(system, tenant);
        return psql.runWithPassword(psql.connectionString("").replace("user=" + tenant.role(), "user=anonymous"),
            "", sql);
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection anonymousJdbc(DispatchSystem system, Tenant tenant) {
        try {
            return Jdbc.connect(system, tenant.host(), "anonymous", "");
        } catch (SQLException e) {
            return null;
        }
    }
}
