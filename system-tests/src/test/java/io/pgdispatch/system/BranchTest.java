package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
}
