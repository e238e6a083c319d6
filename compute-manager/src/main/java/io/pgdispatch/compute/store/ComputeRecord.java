package io.pgdispatch.compute.store;

import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.contract.target.PointInTime;
import java.util.Optional;

/**
 * What compute-manager needs of a row of compute.computes to drive the compute.
 *
 * @param kind what the compute serves
 * @param pointInTime the moment a point-in-time compute shows; empty for a primary
 * @param dataDir where the driver keeps the compute's storage, or null before its first start
 */
public record ComputeRecord(
        String id,
        String accountId,
        String clusterId,
        String branchId,
        ComputeSpec.Kind kind,
        Optional<PointInTime> pointInTime,
        ComputeState state,
        String dataDir) {

    public ComputeSpec spec() {
        return new ComputeSpec(id, clusterId, branchId, kind, pointInTime);
    }

    public boolean isPrimary() {
        return kind == ComputeSpec.Kind.PRIMARY;
    }

    /** Whether the compute belongs to one session and is removed when that session ends. */
    public boolean isOneOff() {
        return kind.isOneOff();
    }
}
