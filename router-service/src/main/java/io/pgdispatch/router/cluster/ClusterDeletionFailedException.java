package io.pgdispatch.router.cluster;

/**
 * compute-manager could not remove the storage of every branch of a cluster that is being deleted. The cluster stays
 * listed, its removed branches serve no connection any more, and deleting it again finishes the work.
 */
public class ClusterDeletionFailedException extends RuntimeException {

    public ClusterDeletionFailedException(String clusterId, String reason) {
        super("cluster " + Quoted.of(clusterId) + " was not deleted completely (" + reason + "): delete it again");
    }
}
