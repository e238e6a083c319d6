package io.pgdispatch.compute.driver.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.PointInTimeOutOfRangeException;
import io.pgdispatch.compute.driver.RoleSecret;
import io.pgdispatch.compute.support.Psql;
import io.pgdispatch.contract.scram.ScramVerifier;
import io.pgdispatch.compute.support.TestFolders;
import io.pgdispatch.contract.target.Lsn;
import io.pgdispatch.contract.target.PointInTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A point-in-time compute of the local driver is real PostgreSQL recovery from the branch's base backup and WAL
 * archive: it shows exactly the state at its time or position, refuses writes itself, and the points its history
 * cannot hold are refused before anything is made.
 */
class PointInTimeComputeTest {

    private static final String ROLE = "alice";
    private static final String PASSWORD = "correct horse battery";

    private static Path root;
    private static LocalDriver driver;
    private static ComputeSpec primary;
    private static ComputeEndpoint primaryEndpoint;
    private static Instant beforeHistory;

    @BeforeAll
    static void startPrimary() {
        root = TestFolders.create("pg-dispatch-pitr-test-");
        driver = new LocalDriver(PostgresBinaries.locate(Optional.empty()), root, "55000-55999");
        primary = new ComputeSpec("pitr-primary", "cluster", "main");
        beforeHistory = Instant.now();
        driver.ensureStorage(primary);
        primaryEndpoint = driver.start(primary);
        driver.applyRoles(primary, List.of(new RoleSecret(ROLE, ScramVerifier.of(PASSWORD))));
    }

    @AfterAll
    static void stopPrimary() {
        driver.stop(primary);
        TestFolders.delete(root);
    }

    @Test
    void aTimeAndAPositionShowTheRowsOfTheirMomentAndRefuseWrites() throws Exception {
        onPrimary("CREATE TABLE notes (id int); INSERT INTO notes VALUES (1), (2)");
        Lsn afterInsert = Lsn.parse(onPrimary("SELECT pg_current_wal_lsn()"));
        Thread.sleep(50);
        Instant betweenInsertAndDelete = Instant.now();
        Thread.sleep(50);
        onPrimary("INSERT INTO notes VALUES (3)");
        onPrimary("DELETE FROM notes");

        ComputeSpec atTime = ComputeSpec.atPointInTime("pitr-time", "cluster", "main",
            PointInTime.at(betweenInsertAndDelete));
        ComputeSpec atLsn = ComputeSpec.atPointInTime("pitr-lsn", "cluster", "main", PointInTime.at(afterInsert));
        ComputeEndpoint time = createAndStart(atTime);
        ComputeEndpoint lsn = createAndStart(atLsn);

        assertEquals("1,2", query(time, "SELECT string_agg(id::text, ',' ORDER BY id) FROM notes"));
        assertEquals("1,2", query(lsn, "SELECT string_agg(id::text, ',' ORDER BY id) FROM notes"));
        assertEquals("0", onPrimary("SELECT count(*) FROM notes"), "the primary is unchanged");
        Psql.Result write = Psql.run(time.host(), time.port(), ROLE, PASSWORD,
            "SET default_transaction_read_only = off; INSERT INTO notes VALUES (9)");
        assertTrue(write.output().contains("cannot execute INSERT in a read-only transaction"), write.output());

        driver.stop(atTime);
        driver.stop(atLsn);
    }

    @Test
    void stoppingRemovesTheComputeAndTheNextStartRecoversItAgain() throws Exception {
        onPrimary("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
        Thread.sleep(20);
        ComputeSpec spec = ComputeSpec.atPointInTime("pitr-again", "cluster", "main", PointInTime.at(Instant.now()));
        createAndStart(spec);
        Path data = Path.of(driver.ensureStorage(spec));

        driver.stop(spec);
        assertFalse(Files.exists(data), "the point in time's storage is removed when it stops");
        assertFalse(driver.hasStorage(spec));

        assertEquals("7", query(createAndStart(spec), "SELECT id FROM kept"));
        driver.stop(spec);
    }

    @Test
    void aOneOffBranchIsAWritableCopyAtItsPointOrAtTheHead() throws Exception {
        onPrimary("CREATE TABLE drafts (id int); INSERT INTO drafts VALUES (1)");
        Lsn afterFirst = Lsn.parse(onPrimary("SELECT pg_current_wal_lsn()"));
        onPrimary("INSERT INTO drafts VALUES (2)");
        ComputeSpec atHead = ComputeSpec.oneOffBranch("one-off-head", "cluster", "main", Optional.empty());
        ComputeSpec atLsn = ComputeSpec.oneOffBranch("one-off-lsn", "cluster", "main",
            Optional.of(PointInTime.at(afterFirst)));

        ComputeEndpoint head = createAndStart(atHead);
        ComputeEndpoint past = createAndStart(atLsn);
        query(head, "INSERT INTO drafts VALUES (3)");
        query(past, "INSERT INTO drafts VALUES (4)");
        Path headData = Path.of(driver.ensureStorage(atHead));

        assertEquals("1,2,3", query(head, "SELECT string_agg(id::text, ',' ORDER BY id) FROM drafts"));
        assertEquals("1,4", query(past, "SELECT string_agg(id::text, ',' ORDER BY id) FROM drafts"));
        assertEquals("1,2", onPrimary("SELECT string_agg(id::text, ',' ORDER BY id) FROM drafts"));
        driver.stop(atHead);
        driver.stop(atLsn);
        assertFalse(Files.exists(headData), "a one-off branch is removed when it stops");
    }

    @Test
    void aBranchAtAPointIsAPrimaryOfItsOwnWithItsOwnHistory() throws Exception {
        onPrimary("CREATE TABLE ledger (id int); INSERT INTO ledger VALUES (1)");
        Thread.sleep(20);
        Instant afterFirst = Instant.now();
        Thread.sleep(20);
        onPrimary("INSERT INTO ledger VALUES (2)");
        ComputeSpec branch = new ComputeSpec("branch-at-time", "cluster", "past");

        driver.createBranchStorage(primary, branch, Optional.of(PointInTime.at(afterFirst)));
        ComputeEndpoint endpoint = driver.start(branch);
        query(endpoint, "INSERT INTO ledger VALUES (3)");
        Lsn written = Lsn.parse(query(endpoint, "SELECT pg_current_wal_lsn()"));
        ComputeSpec ownPoint = ComputeSpec.atPointInTime("branch-own-point", "cluster", "past",
            PointInTime.at(written));
        ComputeEndpoint atOwnPoint = createAndStart(ownPoint);

        assertEquals("1,3", query(endpoint, "SELECT string_agg(id::text, ',' ORDER BY id) FROM ledger"));
        assertEquals("1,3", query(atOwnPoint, "SELECT string_agg(id::text, ',' ORDER BY id) FROM ledger"),
            "the branch's own history holds its own writes");
        assertEquals("1,2", onPrimary("SELECT string_agg(id::text, ',' ORDER BY id) FROM ledger"));
        driver.stop(ownPoint);
        driver.stop(branch);
    }

    @Test
    void pointsTheHistoryCannotHoldAreRefusedBeforeAnythingIsMade() {
        Lsn current = Lsn.parse(onPrimary("SELECT pg_current_wal_lsn()"));
        List<ComputeSpec> unreachable = List.of(
            ComputeSpec.atPointInTime("pitr-future", "cluster", "main",
                PointInTime.at(Instant.now().plus(Duration.ofHours(1)))),
            ComputeSpec.atPointInTime("pitr-early", "cluster", "main", PointInTime.at(beforeHistory.minusSeconds(60))),
            ComputeSpec.atPointInTime("pitr-ahead", "cluster", "main",
                PointInTime.at(new Lsn(current.value() + 0x10000000L))),
            ComputeSpec.atPointInTime("pitr-before", "cluster", "main", PointInTime.at(Lsn.parse("0/100"))));

        List<String> messages = unreachable.stream().map(spec -> assertThrows(PointInTimeOutOfRangeException.class,
            () -> driver.ensureStorage(spec)).getMessage()).toList();

        assertTrue(messages.get(0).contains("is in the future"), messages.get(0));
        assertTrue(messages.get(1).contains("is before the history of branch main begins"), messages.get(1));
        assertTrue(messages.get(2).contains("is in the future: branch main has written WAL up to"), messages.get(2));
        assertTrue(messages.get(3).contains("LSN 0/100 is before the history of branch main"), messages.get(3));
        unreachable.forEach(spec -> assertFalse(driver.hasStorage(spec), spec.computeId()));
    }

    private static ComputeEndpoint createAndStart(ComputeSpec spec) {
        driver.ensureStorage(spec);
        return driver.start(spec);
    }

    private static String onPrimary(String sql) {
        return query(primaryEndpoint, sql);
    }

    private static String query(ComputeEndpoint endpoint, String sql) {
        return Psql.query(endpoint.host(), endpoint.port(), ROLE, PASSWORD, sql);
    }
}
