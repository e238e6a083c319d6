package io.pgdispatch.compute.driver.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.RoleSecret;
import io.pgdispatch.compute.support.Await;
import io.pgdispatch.compute.support.Psql;
import io.pgdispatch.contract.scram.ScramVerifier;
import io.pgdispatch.compute.support.TestFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read replicas of the local driver are hot standbys of the branch: they stream from a running primary, serve from
 * the archive while it is stopped, follow it to its new port when it starts again, serve from their start what
 * the primary had committed, and a one-off replica leaves nothing behind when it stops.
 */
class ReplicaComputeTest {

    private static final String ROLE = "alice";
    private static final String PASSWORD = "correct horse battery";
    private static final Duration FOLLOW = Duration.ofSeconds(20);

    private static Path root;
    private static LocalDriver driver;
    private static final ComputeSpec PRIMARY = new ComputeSpec("replica-test-primary", "cluster", "main");
    private static final ComputeSpec SHARED = ComputeSpec.replica("replica-test-shared", "cluster", "main");

    @BeforeAll
    static void startPrimary() {
        root = TestFolders.create("pg-dispatch-replica-test-");
        driver = new LocalDriver(PostgresBinaries.locate(Optional.empty()), root, "55000-55999");
        driver.ensureStorage(PRIMARY);
        driver.start(PRIMARY);
        driver.applyRoles(PRIMARY, List.of(new RoleSecret(ROLE, ScramVerifier.of(PASSWORD))));
    }

    @AfterAll
    static void stopAll() {
        driver.stop(SHARED);
        driver.stop(PRIMARY);
        TestFolders.delete(root);
    }

    @Test
    void aReplicaFollowsThePrimaryThroughItsSuspendAndWake() {
        ComputeEndpoint primary = runningPrimary();
        query(primary, "CREATE TABLE notes (id int); INSERT INTO notes VALUES (1)");
        driver.ensureStorage(SHARED);
        ComputeEndpoint replica = driver.start(SHARED);

        awaitRows(replica, "1");
        query(primary, "INSERT INTO notes VALUES (2)");
        awaitRows(replica, "2");
        assertTrue(Psql.run(replica.host(), replica.port(), ROLE, PASSWORD, "INSERT INTO notes VALUES (9)").output()
            .contains("cannot execute INSERT in a read-only transaction"));

        query(primary, "INSERT INTO notes VALUES (3)");
        driver.stop(PRIMARY);
        awaitRows(replica, "3");
        ComputeEndpoint woken = driver.start(PRIMARY);
        assertNotEquals(primary.port(), woken.port(), "a woken primary listens on another port");
        query(woken, "INSERT INTO notes VALUES (4)");
        awaitRows(replica, "4");
    }

    @Test
    void aReplicaMadeWhileThePrimaryIsStoppedServesTheArchiveAndAOneOffLeavesNothing() {
        ComputeEndpoint primary = runningPrimary();
        query(primary, "CREATE TABLE archived (id int); INSERT INTO archived SELECT generate_series(1, 5)");
        driver.stop(PRIMARY);
        ComputeSpec oneOff = ComputeSpec.oneOffReplica("replica-test-one-off", "cluster", "main");

        driver.ensureStorage(oneOff);
        ComputeEndpoint replica = driver.start(oneOff);
        String count = query(replica, "SELECT count(*) FROM archived");
        OptionalInt sessions = driver.clientSessions(oneOff);
        Path data = Path.of(driver.ensureStorage(oneOff));
        driver.stop(oneOff);

        assertEquals("5", count, "every commit before the primary's stop reached the archive");
        assertEquals(OptionalInt.of(0), sessions, "psql has disconnected");
        assertFalse(Files.exists(data.getParent()), "a one-off replica is removed when it stops");
        assertEquals(Optional.empty(), driver.running(oneOff));
    }

    @Test
    void aReplicaStartedWhileThePrimaryRunsServesAtOnceEveryCommitMadeBeforeIt() {
        ComputeEndpoint primary = runningPrimary();
        query(primary, "CREATE TABLE fresh (id int); INSERT INTO fresh SELECT generate_series(1, 300000)");
        ComputeSpec oneOff = ComputeSpec.oneOffReplica("replica-test-at-once", "cluster", "main");
        driver.ensureStorage(oneOff);

        ComputeEndpoint replica = driver.start(oneOff);
        String count = query(replica, "SELECT count(*) FROM fresh");
        driver.stop(oneOff);

        assertEquals("300000", count, "the role (applied after the base backup) logs in and every row is there");
    }

    private static ComputeEndpoint runningPrimary() {
        return driver.running(PRIMARY).orElseGet(() -> driver.start(PRIMARY));
    }

    private static void awaitRows(ComputeEndpoint replica, String newest) {
        Await.until("row " + newest + " on the replica", () -> newest.equals(Psql.run(replica.host(), replica.port(),
            ROLE, PASSWORD, "SELECT max(id) FROM notes").output()), FOLLOW);
    }

    private static String query(ComputeEndpoint endpoint, String sql) {
        return Psql.query(endpoint.host(), endpoint.port(), ROLE, PASSWORD, sql);
    }
}
