package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A branch made through the management API starts as a copy of its parent's head, is reached with
 * {@code options=branch:<name>}, and from then on lives apart: writes to one never show in the other.
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
