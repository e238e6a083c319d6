package io.pgdispatch.compute.driver.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.RoleSecret;
import io.pgdispatch.compute.driver.StorageExistsException;
import io.pgdispatch.compute.support.Psql;
import io.pgdispatch.contract.scram.ScramVerifier;
import io.pgdispatch.compute.support.TestFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A branch's storage copied from its running parent with pg_basebackup, against real PostgreSQL processes: the
 * copy holds the parent's rows, runs as a primary of its own and never changes the parent.
 */
class BranchStorageTest {

    private static final String PASSWORD = "correct horse battery";
    private static final List<RoleSecret> ROLES = List.of(new RoleSecret("alice", ScramVerifier.of(PASSWORD)));
    private static final String REPLICATION_LINE = "local   replication     all";

    private static Path root;
    private static LocalDriver driver;
    private static final List<ComputeSpec> STARTED = new ArrayList<>();

    @BeforeAll
    static void createDriver() {
        root = TestFolders.create("pg-dispatch-branch-test-");
        driver = new LocalDriver(PostgresBinaries.locate(Optional.empty()), root, "55000-55999");
    }

    @AfterAll
    static void stopComputes() {
        STARTED.forEach(driver::stop);
        TestFolders.delete(root);
    }

    @Test
    void branchStartsWithTheParentRowsAndDivergesFromIt() throws IOException {
        ComputeSpec parent = spec("main");
        ComputeEndpoint parentEndpoint = startWithRows(parent);
        ComputeSpec branch = spec("dev");

        driver.createBranchStorage(parent, branch, Optional.empty());

        Path data = ComputeFolder.of(root, branch).data();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals(Files.getOwner(ComputeFolder.of(root, parent).data()), Files.getOwner(data));
        assertFalse(Files.exists(data.resolve("standby.signal")), "the copy must not start as a standby");
        ComputeEndpoint branchEndpoint = start(branch);
        // applyRoles reaches the branch through its own socket folder: the copied settings named the parent's.
        driver.applyRoles(branch, ROLES);
        assertEquals("3", sql(branchEndpoint, "SELECT count(*) FROM items"));
        assertEquals("f", sql(branchEndpoint, "SELECT pg_is_in_recovery()"));

        sql(branchEndpoint, "INSERT INTO items SELECT generate_series(4, 10)");

        assertEquals("10", sql(branchEndpoint, "SELECT count(*) FROM items"));
        assertEquals(Optional.of(parentEndpoint), driver.running(parent), "the parent keeps running");
        assertEquals("3", sql(parentEndpoint, "SELECT count(*) FROM items"));
    }

    @Test
    void branchWithStorageIsNeverOverwritten() {
        ComputeSpec parent = spec("source");
        ComputeEndpoint parentEndpoint = startWithRows(parent);
        ComputeSpec branch = spec("taken");
        String existing = driver.ensureStorage(branch);

        StorageExistsException failure = assertThrows(StorageExistsException.class,
            () -> driver.createBranchStorage(parent, branch, Optional.empty()));

        assertTrue(failure.getMessage().contains(existing), failure.getMessage());
        ComputeEndpoint branchEndpoint = start(branch);
        driver.applyRoles(branch, ROLES);
        assertEquals("0", sql(branchEndpoint, "SELECT count(*) FROM pg_tables WHERE tablename = 'items'"));
        assertEquals("3", sql(parentEndpoint, "SELECT count(*) FROM items"));
    }

    @Test
    void failedCopyLeavesNothingSoThatRetrySucceeds() throws IOException {
        ComputeSpec parent = spec("refusing");
        startWithRows(parent);
        driver.stop(parent);
        Path hba = Path.of(driver.ensureStorage(parent), "pg_hba.conf");
        String original = Files.readString(hba);
        Files.writeString(hba, original.replace(REPLICATION_LINE, "#" + REPLICATION_LINE));
        start(parent);
        ComputeSpec branch = spec("retried");

        ComputeDriverException failure = assertThrows(ComputeDriverException.class,
            () -> driver.createBranchStorage(parent, branch, Optional.empty()));

        assertTrue(failure.getMessage().contains("pg_basebackup failed"), failure.getMessage());
        assertTrue(failure.getMessage().contains("no pg_hba.conf entry for replication connection"),
            failure.getMessage());
        ComputeFolder folder = ComputeFolder.of(root, branch);
        assertFalse(Files.exists(folder.data()));
        assertFalse(Files.exists(folder.copy()));

        driver.stop(parent);
        Files.writeString(hba, original);
        start(parent);
        driver.createBranchStorage(parent, branch, Optional.empty());
        ComputeEndpoint branchEndpoint = start(branch);
        driver.applyRoles(branch, ROLES);
        assertEquals("3", sql(branchEndpoint, "SELECT count(*) FROM items"));
    }

    @Test
    void parentMustRun() {
        ComputeSpec parent = spec("asleep");
        driver.ensureStorage(parent);

        ComputeDriverException failure = assertThrows(ComputeDriverException.class,
            () -> driver.createBranchStorage(parent, spec("early"), Optional.empty()));

        assertTrue(failure.getMessage().contains("is not running"), failure.getMessage());
        assertFalse(Files.exists(ComputeFolder.of(root, spec("early")).data()));
    }

    private static ComputeEndpoint startWithRows(ComputeSpec spec) {
        driver.ensureStorage(spec);
        ComputeEndpoint endpoint = start(spec);
        driver.applyRoles(spec, ROLES);
        sql(endpoint, "CREATE TABLE items (n int); INSERT INTO items SELECT generate_series(1, 3)");
        return endpoint;
    }

    private static ComputeEndpoint start(ComputeSpec spec) {
        ComputeEndpoint endpoint = driver.start(spec);
        STARTED.add(spec);
        return endpoint;
    }

    private static String sql(ComputeEndpoint endpoint, String sql) {
        return Psql.query(endpoint.host(), endpoint.port(), "alice", PASSWORD, sql);
    }

    private static ComputeSpec spec(String branch) {
        return new ComputeSpec("test-" + branch, "cluster", branch);
    }
}
