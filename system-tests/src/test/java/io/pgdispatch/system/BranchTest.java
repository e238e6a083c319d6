package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A branch made through the management API starts as a copy of its parent's head, is reached with
 * {@code options=branch:<name>}, and from then on lives apart: writes to one never show in the other. Deleting
 * it ends its sessions and removes its storage.
 */
@ExtendWith(DispatchSystemExtension.class)
class BranchTest {

    /** Row count and a digest of every row: equal only when the tables hold the same rows. */
    private static final String CHECKSUM = "select count(*) || ' ' || md5(string_agg(id || ':' || body, ','"
        + " order by id)) from items";

    @Test
    void aBranchCopiesItsParentsHeadAndThenLivesApart(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table items (id int primary key, body text);"
            + "insert into items select i, 'item ' || i from generate_series(1, 500) i").exitCode());
        String parentBefore = psql.run(CHECKSUM).output();

        system.managementApi().createBranch(tenant, "testing", "main");
        Psql.Result copied = psql.run(CHECKSUM, tenant.password(), "options=branch:testing");
        Psql.Result written = psql.run("insert into items values (501, 'only on testing'); " + CHECKSUM,
            tenant.password(), "options=branch:testing");
        Psql.Result parentAfter = psql.run(CHECKSUM);

        assertEquals(parentBefore, copied.output(), copied.errors());
        String branchAfter = written.output().lines().reduce((first, last) -> last).orElseThrow();
        assertNotEquals(parentBefore, branchAfter, written.errors());
        assertEquals("501", branchAfter.split(" ")[0]);
        assertEquals(parentBefore, parentAfter.output(), "the parent is unchanged");
    }

    @Test
    void aDeletedBranchEndsItsSessionsLeavesNoStorageAndItsNameCanBeUsedAgain(DispatchSystem system)
            throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table items (id int primary key, body text)").exitCode());
        String testing = system.managementApi().createBranch(tenant, "testing", "main").get("id").asText();
        assertEquals(0, psql.run("create table scratch (n int)", tenant.password(), "options=branch:testing")
            .exitCode());
        Connection open = Jdbc.connect(system, tenant, "branch:testing");
        HttpResponse<String> refused = system.managementApi().deleteBranch(tenant, "main");

        HttpResponse<String> deleted = system.managementApi().deleteBranch(tenant, "testing");

        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertThrows(SQLException.class, () -> open.createStatement().execute("select 1"),
            "the open session ended with its compute");
        open.close();
        Psql.Result gone = psql.run("select 1", tenant.password(), "options=branch:testing");
        assertTrue(gone.errors().contains("branch \"testing\" not found"), gone.errors());
        assertFalse(system.branchFolders(tenant.clusterId()).contains(testing), "no storage is left");
        assertEquals(404, system.managementApi().deleteBranch(tenant, "testing").statusCode());

        system.managementApi().createBranch(tenant, "testing", "main");
        Psql.Result fresh = psql.run("select count(*) from pg_class where relname = 'scratch'", tenant.password(),
            "options=branch:testing");
        assertEquals("0", fresh.output(), "the new branch of the same name is a new copy of main");
    }

    @Test
    void aBranchAtAPastMomentHoldsTheRowsOfThenAcceptsWritesAndLeavesItsParent(DispatchSystem system)
            throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table items (id int primary key, body text);"
            + "insert into items select i, 'item ' || i from generate_series(1, 300) i").exitCode());
        String atT1 = psql.run(CHECKSUM).output();
        String t1 = psql.run("select to_char(clock_timestamp() at time zone 'UTC',"
            + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')").output();
        assertEquals(0, psql.run("delete from items where id > 100").exitCode());
        String parentBefore = psql.run(CHECKSUM).output();

        HttpResponse<String> created = system.managementApi().requestBranch(tenant,
            "{\"name\": \"before-delete\", \"parent\": \"main\", \"timestamp\": \"" + t1 + "\"}");
        Psql.Result copied = psql.run(CHECKSUM, tenant.password(), "options=branch:before-delete");
        Psql.Result written = psql.run("insert into items values (301, 'only here')", tenant.password(),
            "options=branch:before-delete");
        HttpResponse<String> future = system.managementApi().requestBranch(tenant,
            "{\"name\": \"later\", \"timestamp\": \"2999-01-01\"}");

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(atT1, copied.output(), copied.errors());
        assertEquals(0, written.exitCode(), written.errors());
        assertEquals(parentBefore, psql.run(CHECKSUM).output(), "the parent is unchanged");
        assertEquals(400, future.statusCode(), future.body());
        assertTrue(future.body().contains("is in the future"), future.body());
    }
}
