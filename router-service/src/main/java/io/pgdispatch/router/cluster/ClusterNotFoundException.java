package io.pgdispatch.router.cluster;

/** No cluster has this id, or it belongs to another account; the two look the same so as not to leak ids. */
public class ClusterNotFoundException extends RuntimeException {

    public ClusterNotFoundException(String clusterId) {
        super("cluster " + Quoted.of(clusterId) + " not found: check the cluster id");
    }
}
