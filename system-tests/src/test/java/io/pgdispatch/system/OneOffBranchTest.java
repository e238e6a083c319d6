package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code one-off} in options gives a session a writable copy of the branch of its own, at the head or at a point in
 * time; what the session writes there is gone for the next one, and the branch itself never sees it.
 */
@ExtendWith(DispatchSystemExtension.class)
class OneOffBranchTest {

    private static final String IDS = "select string_agg(id::text, ',' order by id) from notes";

    @Test
    void aOneOffCopyAcceptsWritesThatAreGoneForTheNextSession(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table notes (id int primary key); insert into notes values (1)").exitCode());
        try (ComputeEventLog events = new ComputeEventLog(system)) {
            Psql.Result first = psql.run("insert into notes values (2); create table scratch (x int); " + IDS,
                tenant.password(), "options=one-off");
            Psql.Result second = psql.run("select to_regclass('scratch') is null, (" + IDS + ")", tenant.password(),
                "options=one-off");
            Psql.Result branch = psql.run(IDS);

            assertEquals("1,2", lastLine(first), first.errors());
            assertEquals("t|1", second.output(), second.errors());
            assertEquals("1", branch.output(), "the branch is unchanged");
            events.await(tenant.clusterId(), "REMOVED", 2, Duration.ofSeconds(30));
        }
    }

    @Test
    void aOneOffCopyAtAnLsnStartsFromThatMoment(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);
        assertEquals(0, psql.run("create table notes (id int primary key); insert into notes values (1)").exitCode());
        String lsn = psql.run("select pg_current_wal_lsn()").output();
        assertEquals(0, psql.run("insert into notes values (2)").exitCode());

        Psql.Result copy = psql.run("insert into notes values (3); " + IDS, tenant.password(),
            "options='one-off lsn:" + lsn + "'");

        assertEquals("1,3", lastLine(copy), copy.errors());
        assertEquals("1,2", psql.run(IDS).output());
    }

    /** psql prints each statement's tag before the last one's rows. */
    private static String lastLine(Psql.Result result) {
        return result.output().lines().reduce((first, last) -> last).orElse("");
    }
}
