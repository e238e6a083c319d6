package io.pgdispatch.compute.driver.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.RoleSecret;
import io.pgdispatch.compute.support.Await;
import io.pgdispatch.compute.support.Psql;
import io.pgdispatch.contract.scram.ScramVerifier;
import io.pgdispatch.compute.support.TestFolders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A suspend is the driver's stop (a WAL switch, then a fast shutdown) and a wake its start: 200 rounds of a commit,
 * a suspend and a wake lose no row, and the branch's replica, made from the archive afterwards, holds them all.
 */
class SuspendWakeLoopTest {

    private static final int ROUNDS = 200;
    private static final String ROLE = "alice";
    private static final String PASSWORD = "correct horse battery";

    private static Path root;
    private static LocalDriver driver;
    private static final ComputeSpec PRIMARY = new ComputeSpec("loop-primary", "cluster", "main");
    private static final ComputeSpec REPLICA = ComputeSpec.replica("loop-replica", "cluster", "main");

    @BeforeAll
    static void createDriver() {
        root = TestFolders.create("pg-dispatch-loop-test-");
        driver = new LocalDriver(PostgresBinaries.locate(Optional.empty()), root, "55000-55999");
    }

    @AfterAll
    static void stopAll() {
        driver.stop(REPLICA);
        driver.stop(PRIMARY);
        TestFolders.delete(root);
    }

    @Test
    void twoHundredSuspendsAndWakesLoseNoCommittedRow() {
        driver.ensureStorage(PRIMARY);
        ComputeEndpoint endpoint = driver.start(PRIMARY);
        driver.applyRoles(PRIMARY, List.of(new RoleSecret(ROLE, ScramVerifier.of(PASSWORD))));
        query(endpoint, "CREATE TABLE rounds (n int PRIMARY KEY)");

        for (int round = 1; round <= ROUNDS; round++) {
            query(endpoint, "INSERT INTO rounds VALUES (" + round + ")");
            driver.stop(PRIMARY);
            endpoint = driver.start(PRIMARY);
            assertEquals(round + "|" + round, query(endpoint, "SELECT count(*), max(n) FROM rounds"),
                "after suspend and wake " + round);
        }
        driver.stop(PRIMARY);
        driver.ensureStorage(REPLICA);
        ComputeEndpoint replica = driver.start(REPLICA);

        String expected = ROUNDS + "|" + ROUNDS;
        Await.until("every round on the replica, from the archive", () -> expected.equals(
            Psql.run(replica.host(), replica.port(), ROLE, PASSWORD, "SELECT count(*), max(n) FROM rounds").output()),
            Duration.ofSeconds(60));
    }

    private static String query(ComputeEndpoint endpoint, String sql) {
        return Psql.query(endpoint.host(), endpoint.port(), ROLE, PASSWORD, sql);
    }
}
