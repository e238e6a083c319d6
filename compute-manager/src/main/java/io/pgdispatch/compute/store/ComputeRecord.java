package io.pgdispatch.compute.store;

import io.pgdispatch.compute.driver.ComputeSpec;

/**
 * What compute-manager needs of a row of compute.computes to drive the compute.
 *
 * @param dataDir where the driver keeps the compute's storage, or null before its first start
 */
public record ComputeRecord(
        String id,
        String accountId,
        String clusterId,
        String branchId,
        ComputeState state,
        String dataDir) {

    public ComputeSpec spec() {
        return new ComputeSpec(id, clusterId, branchId);
    }
}
