package io.pgdispatch.compute.driver.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.RoleSecret;
import io.pgdispatch.compute.support.Psql;
import io.pgdispatch.contract.scram.ScramVerifier;
import io.pgdispatch.compute.support.TestFolders;
import io.pgdispatch.contract.target.PointInTime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A running primary takes a new base backup only once its branch has written much WAL since the newest one, and a
 * point in time after it is restored from it, with the same rows as from the archive alone.
 */
class BaseBackupRefreshTest {

    private static final String ROLE = "alice";
    private static final String PASSWORD = "correct horse battery";
    private static final ComputeSpec PRIMARY = new ComputeSpec("refresh-primary", "cluster", "main");

    private static Path root;
    private static LocalDriver driver;
    private static ComputeEndpoint endpoint;

    @BeforeAll
    static void startPrimary() {
        root = TestFolders.create("pg-dispatch-refresh-test-");
        driver = new LocalDriver(PostgresBinaries.locate(Optional.empty()), root, "55000-55999");
        driver.ensureStorage(PRIMARY);
        endpoint = driver.start(PRIMARY);
        driver.applyRoles(PRIMARY, List.of(new RoleSecret(ROLE, ScramVerifier.of(PASSWORD))));
    }

    @AfterAll
    static void stopPrimary() {
        driver.stop(PRIMARY);
        TestFolders.delete(root);
    }

    @Test
    void aNewBaseBackupComesAfterMuchWalAndServesTheNextPointInTime() throws Exception {
        BranchHistory history = BranchHistory.of(root, PRIMARY);
        query("CREATE TABLE filler (id int, body text); INSERT INTO filler VALUES (0, 'small')");
        driver.refreshBaseBackup(PRIMARY);
        int afterLittleWal = history.baseBackups().size();

        query("INSERT INTO filler SELECT i, repeat('x', 100) FROM generate_series(1, 600000) i");
        driver.refreshBaseBackup(PRIMARY);
        List<BaseBackup> backups = history.baseBackups();
        Thread.sleep(20);
        PointInTime now = PointInTime.at(Instant.now());
        ComputeSpec atNow = ComputeSpec.atPointInTime("refresh-point", "cluster", "main", now);
        driver.ensureStorage(atNow);
        ComputeEndpoint point = driver.start(atNow);
        String rows = Psql.query(point.host(), point.port(), ROLE, PASSWORD, "SELECT count(*) FROM filler");
        driver.stop(atNow);

        assertEquals(1, afterLittleWal, "no new backup after a little WAL");
        assertEquals(2, backups.size(), "a new backup after more than 64 MB of WAL");
        assertEquals(Optional.of(backups.get(1)), history.latestServing(now), "the point restores the new one");
        assertTrue(backups.get(1).endLsn().compareTo(backups.get(0).endLsn()) > 0);
        assertEquals("600001", rows);
    }

    private static String query(String sql) {
        return Psql.query(endpoint.host(), endpoint.port(), ROLE, PASSWORD, sql);
    }
}
