package io.pgdispatch.router.branch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.router.cluster.Branch;
import io.pgdispatch.router.cluster.BranchCopyFailedException;
import io.pgdispatch.router.cluster.BranchDeletionFailedException;
import io.pgdispatch.router.cluster.BranchExistsException;
import io.pgdispatch.router.cluster.BranchInUseException;
import io.pgdispatch.router.cluster.BranchNotFoundException;
import io.pgdispatch.router.cluster.Cluster;
import io.pgdispatch.router.cluster.ClusterDeletionFailedException;
import io.pgdispatch.router.cluster.ClusterNotFoundException;
import io.pgdispatch.router.cluster.InvalidBranchNameException;
import io.pgdispatch.router.cluster.ParentBranchNotFoundException;
import io.pgdispatch.router.cluster.PointInTime;
import io.pgdispatch.router.cluster.Target;
import io.pgdispatch.router.endpoint.AccessRules;
import io.pgdispatch.router.endpoint.Endpoint;
import io.pgdispatch.router.endpoint.EndpointSettings;
import io.pgdispatch.router.store.BranchStore;
import io.pgdispatch.router.store.ClusterStore;
import io.pgdispatch.router.store.EndpointStore;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Branch creation against real PostgreSQL with compute-manager unreachable (configured on a port where nothing
 * listens): every refusal that needs no copy, and the removal of the branch when the copy cannot be made; every
 * refusal to delete a branch, and a branch kept when its storage cannot be removed.
 */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class BranchServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    BranchService service;

    @Inject
    ClusterStore clusters;

    @Inject
    BranchStore branches;

    @Inject
    EndpointStore endpoints;

    @Test
    void invalidNamesAreRefusedWithTheProblem() {
        Cluster cluster = clusters.create(newAccount(), "names").await().atMost(WAIT);

        assertInvalid(cluster, null, "is empty");
        assertInvalid(cluster, "", "is empty");
        assertInvalid(cluster, "Testing", "must start with a letter");
        assertInvalid(cluster, "9lives", "must start with a letter");
        assertInvalid(cluster, "trailing-", "inner hyphens");
        assertInvalid(cluster, "a".repeat(64), "64 characters long");
        assertEquals(cluster.branches(), branchesOf(cluster));
    }

    @Test
    void anUnknownOrForeignClusterIsNotFound() {
        Cluster alices = clusters.create(newAccount(), "private").await().atMost(WAIT);
        String bob = newAccount();

        assertThrows(ClusterNotFoundException.class,
            () -> service.create(bob, alices.id(), "testing", null, PointInTime.NOW).await().atMost(WAIT));
        assertThrows(ClusterNotFoundException.class,
            () -> service.create(bob, "cnosuchcluster", "testing", null, PointInTime.NOW).await().atMost(WAIT));
        assertThrows(ClusterNotFoundException.class, () -> service.list(bob, alices.id()).await().atMost(WAIT));
        assertEquals(alices.branches(), branchesOf(alices));
    }

    @Test
    void anUnknownParentIsRefusedByName() {
        Cluster cluster = clusters.create(newAccount(), "parents").await().atMost(WAIT);

        ParentBranchNotFoundException failure = assertThrows(ParentBranchNotFoundException.class,
            () -> service.create(cluster.accountId(), cluster.id(), "testing", "staging",
                PointInTime.NOW).await().atMost(WAIT));

        assertTrue(failure.getMessage().contains("\"staging\""), failure.getMessage());
        assertEquals(cluster.branches(), branchesOf(cluster));
    }

    @Test
    void aTakenNameConflictsBeforeAnyCopy() {
        Cluster cluster = clusters.create(newAccount(), "taken").await().atMost(WAIT);

        BranchExistsException failure = assertThrows(BranchExistsException.class,
            () -> service.create(cluster.accountId(), cluster.id(), "main", null,
                PointInTime.NOW).await().atMost(WAIT));

        assertTrue(failure.getMessage().contains("already has a branch \"main\""), failure.getMessage());
        assertEquals(cluster.branches(), branchesOf(cluster));
    }

    @Test
    void whenComputeManagerIsUnreachableTheBranchIsRemovedAgain() {
        Cluster cluster = clusters.create(newAccount(), "copy").await().atMost(WAIT);

        BranchCopyFailedException failure = assertThrows(BranchCopyFailedException.class,
            () -> service.create(cluster.accountId(), cluster.id(), "testing", "main",
                PointInTime.NOW).await().atMost(WAIT));

        assertTrue(failure.getMessage().contains("compute-manager unreachable"), failure.getMessage());
        List<Branch> left = service.list(cluster.accountId(), cluster.id()).await().atMost(WAIT);
        assertEquals(List.of("main"), left.stream().map(Branch::name).toList());
    }

    @Test
    void theFirstBranchAndBranchesOthersDependOnAreKept() {
        Cluster cluster = clusters.create(newAccount(), "kept").await().atMost(WAIT);
        Target main = clusters.findTargetByName(cluster.accountId(), cluster.id(), "main").await().atMost(WAIT);
        Branch dev = branches.insert(main, "dev").await().atMost(WAIT);
        Target devTarget = new Target(cluster.accountId(), cluster.id(), dev.id(), dev.name());
        branches.insert(devTarget, "feature").await().atMost(WAIT);
        Branch served = branches.insert(main, "docs").await().atMost(WAIT);
        Endpoint endpoint = endpoints.insert(new Target(cluster.accountId(), cluster.id(), served.id(), served.name()),
            new EndpointSettings("docs", PointInTime.NOW, false, AccessRules.of(null, null, false), null,
                Optional.empty())).await().atMost(WAIT);

        assertInUse(cluster, "main", "it is the cluster's first branch, which connections reach when they name no"
            + " branch");
        assertInUse(cluster, "dev", "branches were made from it (feature): delete those first");
        assertInUse(cluster, "docs", "endpoints serve it (" + endpoint.id() + "): delete those first");
        assertThrows(BranchNotFoundException.class,
            () -> service.delete(cluster.accountId(), cluster.id(), "staging").await().atMost(WAIT));
        assertThrows(ClusterNotFoundException.class,
            () -> service.delete(newAccount(), cluster.id(), "feature").await().atMost(WAIT));
        assertEquals(List.of("main", "dev", "feature", "docs"),
            branchesOf(cluster).stream().map(Branch::name).toList());
    }

    @Test
    void whenComputeManagerIsUnreachableTheBranchIsKeptToBeDeletedAgain() {
        Cluster cluster = clusters.create(newAccount(), "unreachable").await().atMost(WAIT);
        Target main = clusters.findTargetByName(cluster.accountId(), cluster.id(), "main").await().atMost(WAIT);
        branches.insert(main, "dev").await().atMost(WAIT);

        BranchDeletionFailedException failure = assertThrows(BranchDeletionFailedException.class,
            () -> service.delete(cluster.accountId(), cluster.id(), "dev").await().atMost(WAIT));

        assertTrue(failure.getMessage().contains("compute-manager unreachable")
            && failure.getMessage().endsWith("delete it again"), failure.getMessage());
        assertEquals(List.of("main", "dev"), branchesOf(cluster).stream().map(Branch::name).toList());
    }

    @Test
    void aClusterWhoseStorageCannotBeRemovedIsKeptToBeDeletedAgain() {
        Cluster cluster = clusters.create(newAccount(), "whole").await().atMost(WAIT);

        ClusterDeletionFailedException failure = assertThrows(ClusterDeletionFailedException.class,
            () -> service.deleteCluster(cluster.accountId(), cluster.id()).await().atMost(WAIT));
        assertThrows(ClusterNotFoundException.class,
            () -> service.deleteCluster(newAccount(), cluster.id()).await().atMost(WAIT));

        assertTrue(failure.getMessage().contains("compute-manager unreachable"), failure.getMessage());
        assertEquals(cluster.branches(), branchesOf(cluster));
    }

    private void assertInUse(Cluster cluster, String name, String reason) {
        BranchInUseException failure = assertThrows(BranchInUseException.class,
            () -> service.delete(cluster.accountId(), cluster.id(), name).await().atMost(WAIT));
        assertEquals("branch \"" + name + "\" of cluster \"" + cluster.id() + "\" cannot be deleted: " + reason,
            failure.getMessage());
    }

    private void assertInvalid(Cluster cluster, String name, String problem) {
        InvalidBranchNameException failure = assertThrows(InvalidBranchNameException.class,
            () -> service.create(cluster.accountId(), cluster.id(), name, null, PointInTime.NOW).await().atMost(WAIT));
        assertTrue(failure.getMessage().contains(problem), failure.getMessage());
    }

    private List<Branch> branchesOf(Cluster cluster) {
        return service.list(cluster.accountId(), cluster.id()).await().atMost(WAIT);
    }

    private static String newAccount() {
        return "acct-" + UUID.randomUUID();
    }
}
