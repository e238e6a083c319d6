package io.pgdispatch.router.branch;

import io.pgdispatch.router.cluster.Branch;
import io.pgdispatch.router.cluster.BranchDeletionFailedException;
import io.pgdispatch.router.cluster.BranchInUseException;
import io.pgdispatch.router.cluster.BranchCopyFailedException;
import io.pgdispatch.router.cluster.BranchName;
import io.pgdispatch.router.cluster.BranchNotFoundException;
import io.pgdispatch.router.cluster.Cluster;
import io.pgdispatch.router.cluster.ClusterDeletionFailedException;
import io.pgdispatch.router.cluster.ParentBranchNotFoundException;
import io.pgdispatch.router.cluster.PointInTime;
import io.pgdispatch.router.cluster.Target;
import io.pgdispatch.router.compute.ComputeClient;
import io.pgdispatch.router.compute.ComputeUnavailableException;
import io.pgdispatch.router.events.CatalogEventPublisher;
import io.pgdispatch.router.store.BranchStore;
import io.pgdispatch.router.store.ClusterStore;
import io.pgdispatch.router.store.EndpointStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Creates branches from their parent's head or from the parent at a point in time, and deletes them, alone or with
 * their whole cluster. The branch row is inserted first, so that the name is claimed before any data is copied (a
 * second request for the same name fails at once instead of copying too); compute-manager then copies the parent's
 * data. If the copy fails the row is deleted again, so that no branch without storage is left behind.
 *
 * <p>Limitation: while compute-manager copies, the new branch is already listed and a connection can name it.
 *
 * <p>Limitation: if router stops during the copy, the row stays without storage; and if the copy outlasts
 * {@code dispatch.router.branch-timeout}, the row is deleted but compute-manager may still finish storage that no
 * branch refers to.
 */
@ApplicationScoped
public class BranchService {

    private static final Logger LOG = Logger.getLogger(BranchService.class);
    /** PostgreSQL's foreign_key_violation (Appendix A, class 23). */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final ClusterStore clusters;
    private final BranchStore branches;
    private final EndpointStore endpoints;
    private final ComputeClient compute;
    private final CatalogEventPublisher events;

    BranchService(ClusterStore clusters, BranchStore branches, EndpointStore endpoints, ComputeClient compute,
            CatalogEventPublisher events) {
        this.clusters = clusters;
        this.branches = branches;
        this.endpoints = endpoints;
        this.compute = compute;
        this.events = events;
    }

    /**
     * Creates branch {@code name} in the account's cluster as a copy of {@code parentName} ({@code main} when null),
     * as it is now or at {@code point}. Fails with InvalidBranchNameException, ClusterNotFoundException,
     * ParentBranchNotFoundException, BranchExistsException, PointInTimeOutOfRangeException or
     * BranchCopyFailedException.
     */
    public Uni<Branch> create(String accountId, String clusterId, String name, String parentName,
            PointInTime point) {
        String parent = parentName == null ? Branch.DEFAULT_NAME : parentName;
        return Uni.createFrom().item(() -> BranchName.requireValid(name))
            .chain(() -> findParent(accountId, clusterId, parent))
            .chain(parentTarget -> branches.insert(parentTarget, name)
                .call(branch -> copyParent(parentTarget, branch, point)))
            .invoke(branch -> LOG.infof("branch %s (%s) of cluster %s created from %s",
                branch.id(), branch.name(), clusterId, branch.parent()));
    }

    /**
     * Deletes branch {@code name} of the account's cluster, with its computes (their open sessions end) and its
     * storage, history included. compute-manager removes those first and from then on refuses the branch, so a
     * failure halfway leaves it listed but never served from an empty database; the row goes last. Fails with
     * ClusterNotFoundException, BranchNotFoundException, BranchInUseException (the cluster's first branch, a branch
     * with branches made from it, or one that endpoints serve) or BranchDeletionFailedException.
     */
    public Uni<Void> delete(String accountId, String clusterId, String name) {
        return clusters.findTargetByName(accountId, clusterId, name)
            .call(branch -> refuseIfInUse(branch))
            .call(branch -> compute.deleteBranch(branch)
                .onFailure(ComputeUnavailableException.class)
                .transform(failure -> new BranchDeletionFailedException(name, failure.getMessage())))
            .call(branch -> branches.delete(clusterId, branch.branchId())
                .onFailure(BranchService::isStillReferenced)
                .transform(failure -> new BranchInUseException(clusterId, name, "an endpoint or a branch was made"
                    + " from it meanwhile, while its storage was being removed: delete those, then the branch again")))
            .invoke(branch -> events.branchDeleted(branch))
            .invoke(branch -> LOG.infof("branch %s (%s) of cluster %s deleted", branch.branchId(), name, clusterId))
            .replaceWithVoid();
    }

    /**
     * Deletes one of the account's clusters: the storage of each of its branches, newest first so that a branch
     * goes before the one it was made from, then the cluster with its branches and endpoints. Sessions open on it
     * end. Fails with ClusterNotFoundException or ClusterDeletionFailedException, after which the cluster is still
     * listed and deleting it again finishes the work.
     */
    public Uni<Void> deleteCluster(String accountId, String clusterId) {
        return clusters.find(accountId, clusterId)
            .chain(cluster -> endpoints.list(accountId, clusterId)
                .call(() -> removeStorage(cluster))
                .call(() -> clusters.delete(accountId, clusterId))
                .invoke(itsEndpoints -> {
                    itsEndpoints.forEach(events::endpointChanged);
                    events.clusterChanged(cluster);
                    LOG.infof("cluster %s of account %s deleted with %d branches and %d endpoints", clusterId,
                        accountId, cluster.branches().size(), itsEndpoints.size());
                }))
            .replaceWithVoid();
    }

    private Uni<Void> removeStorage(Cluster cluster) {
        List<Branch> newestFirst = new ArrayList<>(cluster.branches());
        newestFirst.sort(Comparator.comparing(Branch::createdAt).reversed());
        return Multi.createFrom().iterable(newestFirst)
            .onItem().transformToUniAndConcatenate(branch -> compute.deleteBranch(
                new Target(cluster.accountId(), cluster.id(), branch.id(), branch.name())))
            .collect().last()
            .replaceWithVoid()
            .onFailure(ComputeUnavailableException.class)
            .transform(failure -> new ClusterDeletionFailedException(cluster.id(), failure.getMessage()));
    }

    private Uni<Void> refuseIfInUse(Target branch) {
        if (branch.branchName().equals(Branch.DEFAULT_NAME)) {
            return Uni.createFrom().failure(new BranchInUseException(branch.clusterId(), branch.branchName(),
                "it is the cluster's first branch, which connections reach when they name no branch"));
        }
        return branches.dependentsOf(branch.branchId()).chain(dependents -> {
            if (dependents.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<String> reasons = new ArrayList<>();
            if (!dependents.childBranches().isEmpty()) {
                reasons.add("branches were made from it (" + String.join(", ", dependents.childBranches()) + ")");
            }
            if (!dependents.endpoints().isEmpty()) {
                reasons.add("endpoints serve it (" + String.join(", ", dependents.endpoints()) + ")");
            }
            return Uni.createFrom().failure(new BranchInUseException(branch.clusterId(), branch.branchName(),
                String.join(" and ", reasons) + ": delete those first"));
        });
    }

    private static boolean isStillReferenced(Throwable failure) {
        return failure instanceof PgException pg && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState());
    }

    /** The branches of one of the account's clusters, oldest first; ClusterNotFoundException for a foreign one. */
    public Uni<List<Branch>> list(String accountId, String clusterId) {
        return clusters.find(accountId, clusterId).map(Cluster::branches);
    }

    private Uni<Target> findParent(String accountId, String clusterId, String parentName) {
        return clusters.findTargetByName(accountId, clusterId, parentName)
            .onFailure(BranchNotFoundException.class)
            .transform(failure -> new ParentBranchNotFoundException(clusterId, parentName));
    }

    private Uni<Void> copyParent(Target parent, Branch branch, PointInTime point) {
        return compute.createBranch(parent, branch.id(), point)
            .onFailure().call(() -> removeUncopied(parent.clusterId(), branch))
            .onFailure(ComputeUnavailableException.class)
            .transform(failure -> new BranchCopyFailedException(branch.name(), parent.branchName(),
                failure.getMessage()));
    }

    /** A failed removal is logged and swallowed, so that the caller still learns why the copy failed. */
    private Uni<Void> removeUncopied(String clusterId, Branch branch) {
        return branches.delete(clusterId, branch.id())
            .invoke(() -> LOG.infof("branch %s (%s) of cluster %s removed again: its data could not be copied",
                branch.id(), branch.name(), clusterId))
            .onFailure().invoke(failure -> LOG.errorf("branch %s (%s) of cluster %s has no storage and could not"
                + " be removed: %s", branch.id(), branch.name(), clusterId, failure.getMessage()))
            .onFailure().recoverWithNull();
    }
}
