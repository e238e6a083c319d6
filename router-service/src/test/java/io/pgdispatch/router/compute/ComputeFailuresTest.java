package io.pgdispatch.router.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class ComputeFailuresTest {

    @Test
    void aTransportFailureMeansComputeManagerIsUnreachable() {
        ComputeUnavailableException failure = ComputeFailures.of(
            Status.UNAVAILABLE.withDescription("io exception").withCause(new ConnectException("refused")));

        assertEquals("compute-manager unreachable", failure.getMessage());
        assertFalse(failure.timedOut());
    }

    @Test
    void computeManagersOwnReasonIsKept() {
        ComputeUnavailableException failure = ComputeFailures.ofCreateBranch(
            Status.UNAVAILABLE.withDescription("pg_basebackup of branch brabc failed: disk full"), "brnew");

        assertEquals("pg_basebackup of branch brabc failed: disk full", failure.getMessage());
    }

    @Test
    void aDeadlineIsATimeout() {
        ComputeUnavailableException failure = ComputeFailures.ofCreateBranch(
            Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded after 120s"), "brnew");

        assertTrue(failure.timedOut());
        assertEquals("deadline exceeded after 120s", failure.getMessage());
    }

    @Test
    void existingStorageForANewBranchIdIsNotTakenAsTheCopy() {
        ComputeUnavailableException failure = ComputeFailures.ofCreateBranch(
            Status.ALREADY_EXISTS.withDescription("branch brnew has storage"), "brnew");

        assertTrue(failure.getMessage().contains("already holds storage for branch id brnew"), failure.getMessage());
        assertFalse(failure.timedOut());
    }
}
