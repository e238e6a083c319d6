package io.pgdispatch.compute.driver;

import io.pgdispatch.contract.target.Lsn;
import java.time.Instant;

/**
 * Where the recovery of a point-in-time compute stops: PostgreSQL takes one recovery target at a time (docs,
 * 20.5.6 "Recovery Target": "At most one of recovery_target, recovery_target_lsn, recovery_target_name,
 * recovery_target_time, or recovery_target_xid can be used").
 */
public sealed interface PointInTime {

    /** The last transaction committed at or before this time is the last one replayed. */
    record Time(Instant time) implements PointInTime {
    }

    /** Replay stops at this write-ahead log position. */
    record Position(Lsn lsn) implements PointInTime {
    }

    static PointInTime at(Instant time) {
        return new Time(time);
    }

    static PointInTime at(Lsn lsn) {
        return new Position(lsn);
    }
}
