package io.pgdispatch.contract.target;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A moment of a branch's history: a time or a write-ahead log position. PostgreSQL recovers to one target at a time
 * (docs, 20.5.6 "Recovery Target": "At most one of recovery_target, recovery_target_lsn, recovery_target_name,
 * recovery_target_time, or recovery_target_xid can be used"), so a point in time is one or the other, never both.
 */
public sealed interface PointInTime {

    /** The last transaction committed at or before this time is the last one seen. */
    record Time(Instant time) implements PointInTime {

        @Override
        public String text() {
            return "time:" + time;
        }
    }

    /** Everything written before this write-ahead log position is seen, nothing from it on. */
    record Position(Lsn lsn) implements PointInTime {

        @Override
        public String text() {
            return "lsn:" + lsn;
        }
    }

    static PointInTime at(Instant time) {
        return new Time(time);
    }

    static PointInTime at(Lsn lsn) {
        return new Position(lsn);
    }

    /** The stored form, {@code time:<ISO-8601 instant>} or {@code lsn:<X/X>}, which {@link #parse} reads back. */
    String text();

    /** Reads {@link #text()}; throws IllegalArgumentException naming the text when it is neither form. */
    static PointInTime parse(String text) {
        try {
            if (text.startsWith("time:")) {
                return at(Instant.parse(text.substring("time:".length())));
            }
            if (text.startsWith("lsn:")) {
                return at(Lsn.parse(text.substring("lsn:".length())));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // Refused below, with the whole text.
        }
        throw new IllegalArgumentException("invalid point in time \"" + text + "\": expected time:<instant> or"
            + " lsn:<X/X>");
    }
}
