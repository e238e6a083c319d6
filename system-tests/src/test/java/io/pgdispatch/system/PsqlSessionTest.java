package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** psql reaches its cluster's compute through the proxy by host name (SNI) and logs in with SCRAM. */
@ExtendWith(DispatchSystemExtension.class)
class PsqlSessionTest {

    @Test
    void psqlRunsStatementsAsItsOwnRole(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);

        Psql.Result result = psql.run("create table notes (id int primary key, body text);"
            + "insert into notes values (1, 'first'), (2, 'second');"
            + "select current_user || ' ' || count(*) from notes;");

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals(tenant.role() + " 2", result.output().lines().reduce((first, last) -> last).orElseThrow());
    }

    @Test
    void startupSettingsAndParameterStatusReachTheClient(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        Psql psql = new Psql(system, tenant);

        Psql.Result result = psql.run("show statement_timeout; show application_name; show server_encoding;",
            tenant.password(), "options='-c statement_timeout=1234ms' application_name=system-test");

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals("1234ms\nsystem-test\nUTF8", result.output());
    }

    @Test
    void eachClusterIsItsOwnDatabase(DispatchSystem system) throws Exception {
        Tenant first = system.newTenant();
        Tenant second = system.newTenant();
        assertEquals(0, new Psql(system, first).run("create table only_here (x int)").exitCode());

        Psql.Result result = new Psql(system, second).run("select to_regclass('only_here') is null");

        assertEquals(0, result.exitCode(), result.errors());
        assertEquals("t", result.output());
    }
}
