package io.pgdispatch.router.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.contract.target.ResourceName;
import io.pgdispatch.router.cluster.Branch;
import io.pgdispatch.router.cluster.Cluster;
import io.pgdispatch.router.cluster.ClusterNotFoundException;
import io.pgdispatch.router.cluster.Target;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class ClusterStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ClusterStore store;

    @Inject
    BranchStore branches;

    @Test
    void creatingAClusterCreatesItsBranchMain() {
        String account = newAccount();

        Cluster created = store.create(account, "demo").await().atMost(WAIT);

        assertEquals("demo", created.name());
        assertEquals(account, created.accountId());
        assertEquals(1, created.branches().size());
        Branch main = created.branches().get(0);
        assertEquals("main", main.name());
        assertNull(main.parent());
        assertNotNull(main.createdAt());
        assertTrue(created.id().matches("c[a-z2-7]{11}"), created.id());
        assertTrue(main.id().matches("br[a-z2-7]{10}"), main.id());
        assertTrue(ResourceName.isValid(created.id()) && ResourceName.isValid(main.id()));
        assertEquals(created, store.find(account, created.id()).await().atMost(WAIT));
    }

    @Test
    void listingShowsOnlyTheAccountsOwnClustersOldestFirst() {
        String alice = newAccount();
        String bob = newAccount();
        Cluster first = store.create(alice, "first").await().atMost(WAIT);
        Cluster second = store.create(alice, "second").await().atMost(WAIT);
        Cluster bobs = store.create(bob, "bobs").await().atMost(WAIT);

        assertEquals(List.of(first, second), store.list(alice).await().atMost(WAIT));
        assertEquals(List.of(bobs), store.list(bob).await().atMost(WAIT));
        assertEquals(List.of(), store.list(newAccount()).await().atMost(WAIT));
    }

    @Test
    void anotherAccountsClusterIsNotFound() {
        Cluster alices = store.create(newAccount(), "private").await().atMost(WAIT);

        ClusterNotFoundException failure = assertThrows(ClusterNotFoundException.class,
            () -> store.find(newAccount(), alices.id()).await().atMost(WAIT));

        assertTrue(failure.getMessage().contains(alices.id()), failure.getMessage());
    }

    @Test
    void aClustersBranchesShowTheirParentByName() {
        String account = newAccount();
        Cluster cluster = store.create(account, "tree").await().atMost(WAIT);
        Target main = store.findTargetByName(account, cluster.id(), "main").await().atMost(WAIT);

        Branch testing = branches.insert(main, "testing").await().atMost(WAIT);
        Target testingTarget = store.findTargetByName(account, cluster.id(), "testing").await().atMost(WAIT);
        Branch feature = branches.insert(testingTarget, "feature").await().atMost(WAIT);

        assertEquals("main", testing.parent());
        assertEquals(testing.id(), testingTarget.branchId());
        assertEquals("testing", feature.parent());
        List<Branch> shown = store.find(account, cluster.id()).await().atMost(WAIT).branches();
        assertEquals(List.of(cluster.branches().get(0), testing, feature), shown);
    }

    @Test
    void aDeletedBranchIsGoneAndItsNameFreeAgain() {
        String account = newAccount();
        Cluster cluster = store.create(account, "undo").await().atMost(WAIT);
        Target main = store.findTargetByName(account, cluster.id(), "main").await().atMost(WAIT);
        Branch first = branches.insert(main, "testing").await().atMost(WAIT);

        branches.delete(cluster.id(), first.id()).await().atMost(WAIT);

        assertEquals(cluster.branches(), store.find(account, cluster.id()).await().atMost(WAIT).branches());
        Branch again = branches.insert(main, "testing").await().atMost(WAIT);
        assertNotEquals(first.id(), again.id());
    }

    private static String newAccount() {
        return "acct-" + UUID.randomUUID();
    }
}
