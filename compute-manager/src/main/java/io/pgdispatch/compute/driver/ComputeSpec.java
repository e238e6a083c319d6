package io.pgdispatch.compute.driver;

import io.pgdispatch.contract.target.PointInTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Which compute a driver works on: a branch of a cluster, and what kind of instance serves it.
 *
 * @param computeId the control plane's id of the compute, for log lines and labels
 * @param kind what the compute is for; {@link Kind#PRIMARY} unless made by another factory
 * @param pointInTime the moment a {@link Kind#POINT_IN_TIME} compute shows; empty for every other kind
 */
public record ComputeSpec(String computeId, String clusterId, String branchId, Kind kind,
        Optional<PointInTime> pointInTime) {

    /** What a compute serves: the sessions of a target that share it, or one session only. */
    public enum Kind {
        /** The branch's read-write primary, shared by every session of the branch. */
        PRIMARY,
        /** The branch's read replica, following the primary and shared by every read-only session. */
        REPLICA,
        /** A read replica made for one session and removed when that session ends. */
        ONE_OFF_REPLICA,
        /** A read-only instance of the branch as it was at {@link #pointInTime()}. */
        POINT_IN_TIME,
        /**
         * A writable copy of the branch for one session, as it was at {@link #pointInTime()} or, without one, as it
         * is when made; removed when that session ends.
         */
        ONE_OFF_BRANCH;

        /** Whether sessions write there, so that the account's roles are applied to it. */
        public boolean isWritable() {
            return this == PRIMARY || this == ONE_OFF_BRANCH;
        }

        /** Whether it belongs to one session and is removed when that session ends. */
        public boolean isOneOff() {
            return this == ONE_OFF_REPLICA || this == ONE_OFF_BRANCH;
        }
    }

    public ComputeSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pointInTime, "pointInTime");
        if (kind == Kind.POINT_IN_TIME && pointInTime.isEmpty()) {
            throw new IllegalArgumentException("a POINT_IN_TIME compute needs its point in time");
        }
        if (pointInTime.isPresent() && kind != Kind.POINT_IN_TIME && kind != Kind.ONE_OFF_BRANCH) {
            throw new IllegalArgumentException("a point in time belongs to a POINT_IN_TIME or ONE_OFF_BRANCH compute,"
                + " not " + kind);
        }
    }

    /** The primary of a branch. */
    public ComputeSpec(String computeId, String clusterId, String branchId) {
        this(computeId, clusterId, branchId, Kind.PRIMARY, Optional.empty());
    }

    public static ComputeSpec replica(String computeId, String clusterId, String branchId) {
        return new ComputeSpec(computeId, clusterId, branchId, Kind.REPLICA, Optional.empty());
    }

    public static ComputeSpec oneOffReplica(String computeId, String clusterId, String branchId) {
        return new ComputeSpec(computeId, clusterId, branchId, Kind.ONE_OFF_REPLICA, Optional.empty());
    }

    /** A one-off writable copy of a branch, at a point in time or, when empty, at its head. */
    public static ComputeSpec oneOffBranch(String computeId, String clusterId, String branchId,
            Optional<PointInTime> point) {
        return new ComputeSpec(computeId, clusterId, branchId, Kind.ONE_OFF_BRANCH, point);
    }

    public static ComputeSpec atPointInTime(String computeId, String clusterId, String branchId, PointInTime point) {
        return new ComputeSpec(computeId, clusterId, branchId, Kind.POINT_IN_TIME, Optional.of(point));
    }
}
