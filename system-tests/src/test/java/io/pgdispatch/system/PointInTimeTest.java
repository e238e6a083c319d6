package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code timestamp:} and {@code lsn:} in options reach the branch as it was then: a real PostgreSQL recovered from
 * the branch's archive, which shows exactly the rows of that moment and refuses writes with PostgreSQL's own
 * read-only error, while the primary goes on unchanged.
 */
@ExtendWith(DispatchSystemExtension.class)
class PointInTimeTest {

    private static final String IDS = "select coalesce(string_agg(id::text, ',' order by id), 'none') from notes";
    private static final String NOW_RFC_3339 = "select to_char(clock_timestamp() at time zone 'UTC',"
        + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

    @Test
    void aTimeAndAnLsnSeeTheRowsOfTheirMomentAndRefuseWrites(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table notes (id int primary key); insert into notes values (1), (2)")
            .exitCode());
        String lsn = psql.run("select pg_current_wal_lsn()").output();
        String betweenInsertAndDelete = psql.run(NOW_RFC_3339).output();
        assertEquals(0, psql.run("insert into notes values (3); delete from notes").exitCode());

        Psql.Result atTime = psql.run(IDS, tenant.password(), "options=timestamp:" + betweenInsertAndDelete);
        Psql.Result atLsn = psql.run(IDS, tenant.password(), "options=lsn:" + lsn);
        Psql.Result write = psql.runVerbose("insert into notes values (9)", "options=lsn:" + lsn);
        Psql.Result unlocked = psql.runVerbose("set default_transaction_read_only = off;"
            + " insert into notes values (9)", "options=timestamp:" + betweenInsertAndDelete);
        Psql.Result now = psql.run(IDS);

        assertEquals("1,2", atTime.output(), atTime.errors());
        assertEquals("1,2", atLsn.output(), atLsn.errors());
        assertTrue(write.errors().contains("25006: cannot execute INSERT in a read-only transaction"),
            write.errors());
        assertTrue(unlocked.errors().contains("25006"), "a session cannot turn the read-only state off: "
            + unlocked.errors());
        assertEquals("none", now.output(), "the primary keeps its own history: " + now.errors());
    }

    @Test
    void aPointTheBranchDoesNotHoldIsRefusedWithTheReason(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();

        SQLException future = refusal(system, tenant, "timestamp:2999-01-01");
        SQLException early = refusal(system, tenant, "timestamp:2000-01-01");
        SQLException ahead = refusal(system, tenant, "lsn:FFFF/0");

        assertEquals("22023", future.getSQLState(), future.getMessage());
        assertTrue(future.getMessage().contains("timestamp 2999-01-01T00:00:00Z is in the future"),
            future.getMessage());
        assertEquals("22023", early.getSQLState(), early.getMessage());
        assertTrue(early.getMessage().contains("is before the history of branch"), early.getMessage());
        assertEquals("22023", ahead.getSQLState(), ahead.getMessage());
        assertTrue(ahead.getMessage().contains("LSN FFFF/0 is in the future"), ahead.getMessage());
    }

    private static SQLException refusal(DispatchSystem system, Tenant tenant, String options) {
        return assertThrows(SQLException.class, () -> Jdbc.connect(system, tenant, options).close());
    }
}
