package io.pgdispatch.compute.driver.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.compute.driver.ComputeDriver;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.RoleSecret;
import io.pgdispatch.compute.support.Psql;
import io.pgdispatch.contract.scram.ScramVerifier;
import io.pgdispatch.compute.support.TestFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local driver against real PostgreSQL processes: storage, start, roles, clean stop and rediscovery. */
class LocalDriverTest {

    private static final String PASSWORD = "correct horse battery";

    private static Path root;
    private static ComputeDriver driver;
    private static final List<ComputeSpec> STARTED = new ArrayList<>();

    @BeforeAll
    static void createDriver() {
        root = TestFolders.create("pg-dispatch-driver-test-");
        driver = newDriver();
    }

    @AfterAll
    static void stopComputes() {
        STARTED.forEach(driver::stop);
        TestFolders.delete(root);
    }

    @Test
    void roleLogsInOverTcpWithItsVerifierAndFollowsPasswordChanges() {
        ComputeSpec spec = spec("roles");
        ComputeEndpoint endpoint = createAndStart(spec);

        driver.applyRoles(spec, List.of(new RoleSecret("alice", ScramVerifier.of(PASSWORD))));
        assertEquals("alice", Psql.query(endpoint.host(), endpoint.port(), "alice", PASSWORD, "SELECT current_user"));
        assertEquals(2, Psql.run(endpoint.host(), endpoint.port(), "alice", "wrong", "SELECT 1").exitCode());
        assertEquals(2, Psql.run(endpoint.host(), endpoint.port(), "postgres", PASSWORD, "SELECT 1").exitCode(),
            "the superuser must not be reachable over TCP");

        driver.applyRoles(spec, List.of(new RoleSecret("alice", ScramVerifier.of("a new password"))));
        assertEquals("1", Psql.query(endpoint.host(), endpoint.port(), "alice", "a new password", "SELECT 1"));
        assertEquals(2, Psql.run(endpoint.host(), endpoint.port(), "alice", PASSWORD, "SELECT 1").exitCode());
    }

    @Test
    void roleCanCreateTablesInSchemaPublic() {
        ComputeSpec spec = spec("owner");
        ComputeEndpoint endpoint = createAndStart(spec);
        driver.applyRoles(spec, List.of(new RoleSecret("bob", ScramVerifier.of(PASSWORD))));

        Psql.query(endpoint.host(), endpoint.port(), "bob", PASSWORD, "CREATE TABLE public.items (id int)");

        assertEquals("bob", Psql.query(endpoint.host(), endpoint.port(), "bob", PASSWORD,
            "SELECT tableowner FROM pg_tables WHERE tablename = 'items'"));
    }

    @Test
    void stopKeepsCommittedRows() {
        ComputeSpec spec = spec("stop");
        ComputeEndpoint first = createAndStart(spec);
        List<RoleSecret> roles = List.of(new RoleSecret("alice", ScramVerifier.of(PASSWORD)));
        driver.applyRoles(spec, roles);
        Psql.query(first.host(), first.port(), "alice", PASSWORD,
            "CREATE TABLE kept (n int); INSERT INTO kept SELECT generate_series(1, 3)");

        driver.stop(spec);
        assertEquals(Optional.empty(), driver.running(spec));

        ComputeEndpoint second = driver.start(spec);
        driver.applyRoles(spec, roles);
        assertEquals("3", Psql.query(second.host(), second.port(), "alice", PASSWORD, "SELECT count(*) FROM kept"));
    }

    @Test
    void newDriverRediscoversRunningCompute() {
        ComputeSpec spec = spec("rediscover");
        ComputeEndpoint endpoint = createAndStart(spec);

        assertEquals(Optional.of(endpoint), newDriver().running(spec));
        assertEquals(Optional.empty(), newDriver().running(spec("never-started")));
    }

    @Test
    void failedStartCarriesTheServerLog() throws IOException {
        ComputeSpec spec = spec("broken");
        String dataDir = driver.ensureStorage(spec);
        Files.writeString(Path.of(dataDir, "postgresql.conf"), "no_such_setting = 1\n", StandardOpenOption.APPEND);

        ComputeDriverException failure = assertThrows(ComputeDriverException.class, () -> driver.start(spec));

        assertTrue(failure.getMessage().contains("unrecognized configuration parameter \"no_such_setting\""),
            failure.getMessage());
        assertEquals(Optional.empty(), driver.running(spec));
    }

    @Test
    void missingBinariesNameTheDebianPackage() {
        ComputeDriverException failure = assertThrows(ComputeDriverException.class,
            () -> PostgresBinaries.locate(Optional.of(root.resolve("no-binaries"))));

        assertTrue(failure.getMessage().contains("install the Debian package postgresql"), failure.getMessage());
    }

    private static ComputeEndpoint createAndStart(ComputeSpec spec) {
        driver.ensureStorage(spec);
        ComputeEndpoint endpoint = driver.start(spec);
        STARTED.add(spec);
        return endpoint;
    }

    private static ComputeSpec spec(String branch) {
        return new ComputeSpec("test-" + branch, "cluster", branch);
    }

    private static LocalDriver newDriver() {
        return new LocalDriver(PostgresBinaries.locate(Optional.empty()), root, "55000-55999");
    }
}
