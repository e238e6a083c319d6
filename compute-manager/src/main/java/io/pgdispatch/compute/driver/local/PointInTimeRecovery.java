package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.PointInTimeOutOfRangeException;
import io.pgdispatch.contract.target.Lsn;
import io.pgdispatch.contract.target.PointInTime;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes and starts a compute of a branch as it was at a point in time, restored from the branch's latest base backup
 * before the point, which replays the archive up to the point (PostgreSQL docs, 20.5.6 "Recovery Target"). A
 * point-in-time compute is a standby that pauses there ({@code recovery_target_action = 'pause'}): it stays in
 * recovery, so PostgreSQL itself refuses every write with 25006, whatever a session sets. A one-off branch is a
 * targeted recovery that is promoted there ({@code 'promote'}) to a new timeline, and is writable from then on; without
 * a point it recovers to the primary's position when it is made, its head.
 *
 * <p>Recovery to a time stops before the first commit after it, and recovery to a position before the first
 * record at or after it; either needs that record in the archive, or the standby would wait for more WAL forever.
 * So before restoring, the branch's running primary commits a transaction of its own (a commit record stamped
 * now, after any past point) and switches to a new WAL segment, and the restore waits until that segment is
 * archived. The point is checked against the branch's history first, so a point in the future or before the
 * first base backup is refused before anything is made.
 */
final class PointInTimeRecovery {

    private static final Duration ARCHIVE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TARGET_TIMEOUT = Duration.ofSeconds(110);
    private static final long POLL_MILLIS = 20;
    /** The settings that undo an earlier recovery's target, for a data folder that is no longer recovering. */
    static final List<String> CLEARED_TARGETS = List.of("recovery_target_time = ''", "recovery_target_lsn = ''",
        "recovery_target_inclusive = on");
    /**
     * How recovery_target_time is written: PostgreSQL's own timestamptz output, in UTC to the microsecond, the most
     * it keeps (it refuses the ISO 8601 "T" and "Z" forms there).
     */
    private static final DateTimeFormatter TARGET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'")
        .withZone(ZoneOffset.UTC);

    private final ServerUser user;

    PointInTimeRecovery(ServerUser user) {
        this.user = user;
    }

    /** Checks the point, seals the archive past it and restores the base backup with the recovery settings. */
    void restore(ComputeSpec spec, ComputeFolder folder, BranchHistory history, Superuser primary)
            throws IOException {
        restore(spec.branchId(), spec.pointInTime(), spec.kind().isWritable(), folder, history, primary);
    }

    /**
     * The same for a copy of branch {@code branchId} that is not of one of its computes: a new branch made at a
     * point of its parent's history.
     *
     * @param at empty for the head of the branch
     * @param writable promoted at the point, rather than paused there
     */
    void restore(String branchId, Optional<PointInTime> at, boolean writable, ComputeFolder folder,
            BranchHistory history, Superuser primary) throws IOException {
        PointInTime point = at
            .orElseGet(() -> PointInTime.at(Lsn.parse(primary.query("SELECT pg_current_wal_lsn()"))));
        checkReachable(branchId, point, history, primary);
        sealArchive(history, primary);
        folder.restore(history.latestServing(point).orElseThrow(), writable ? "recovery.signal" : "standby.signal",
            recoverySettings(point, history, writable), user);
    }

    /**
     * Waits until recovery has paused at the point, or for a one-off branch until it has been promoted there: the
     * moment the compute shows exactly that state.
     */
    void awaitTarget(ComputeSpec spec, ComputeFolder folder, Superuser compute) {
        awaitTarget(spec.computeId(), spec.kind().isWritable(), folder, compute);
    }

    void awaitTarget(String computeId, boolean writable, ComputeFolder folder, Superuser compute) {
        String reached = writable ? "SELECT NOT pg_is_in_recovery()"
            : "SELECT pg_get_wal_replay_pause_state() = 'paused'";
        long deadline = System.nanoTime() + TARGET_TIMEOUT.toNanos();
        while (!"t".equals(compute.query(reached))) {
            if (System.nanoTime() - deadline > 0) {
                throw new ComputeDriverException("compute " + computeId + " did not reach its point in time"
                    + " within " + TARGET_TIMEOUT.toSeconds() + " s\nServer log:\n" + folder.logTail());
            }
            pause();
        }
    }

    private static void checkReachable(String branchId, PointInTime point, BranchHistory history,
            Superuser primary) {
        BaseBackup first = history.baseBackups().stream().findFirst()
            .orElseThrow(() -> new ComputeDriverException("branch " + branchId + " has no base backup yet"));
        if (point instanceof PointInTime.Time time) {
            if (time.time().isAfter(Instant.now())) {
                throw new PointInTimeOutOfRangeException("timestamp " + time.time() + " is in the future: name a"
                    + " moment that has passed, or leave timestamp out to reach the branch as it is now");
            }
            if (!first.serves(point)) {
                throw new PointInTimeOutOfRangeException("timestamp " + time.time() + " is before the history of"
                    + " branch " + branchId + " begins, at " + first.endTime() + ": name a later moment");
            }
            return;
        }
        Lsn lsn = ((PointInTime.Position) point).lsn();
        Lsn current = Lsn.parse(primary.query("SELECT pg_current_wal_lsn()"));
        if (lsn.compareTo(current) > 0) {
            throw new PointInTimeOutOfRangeException("LSN " + lsn + " is in the future: branch " + branchId
                + " has written WAL up to " + current);
        }
        if (!first.serves(point)) {
            throw new PointInTimeOutOfRangeException("LSN " + lsn + " is before the history of branch "
                + branchId + " begins, at " + first.endLsn() + ": name a later position");
        }
    }

    /**
     * A commit stamped now, then a segment switch; {@code pg_walfile_name} of the switch's end names the segment
     * it completed (PostgreSQL docs, 9.27.3, "Backup Control Functions").
     */
    private static void sealArchive(BranchHistory history, Superuser primary) {
        primary.query("SELECT txid_current()");
        String segment = primary.query("SELECT pg_walfile_name(pg_switch_wal())");
        long deadline = System.nanoTime() + ARCHIVE_TIMEOUT.toNanos();
        while (!history.isArchived(segment)) {
            if (System.nanoTime() - deadline > 0) {
                throw new ComputeDriverException("WAL segment " + segment + " did not reach the archive "
                    + history.archive() + " within " + ARCHIVE_TIMEOUT.toSeconds() + " s\nServer log:\n"
                    + primary.folder().logTail());
            }
            pause();
        }
    }

    /**
     * A time target includes commits stamped exactly then ({@code recovery_target_inclusive} on, the default); a
     * position target excludes the record that starts there, so that what is seen is what was written before it.
     * A one-off branch does not archive either: it is discarded with its session. A copy may carry the targets
     * of the recovery that made its branch, and PostgreSQL refuses two targets, so both are cleared first.
     */
    private static List<String> recoverySettings(PointInTime point, BranchHistory history, boolean writable) {
        List<String> settings = new ArrayList<>(List.of(
            "archive_mode = off",
            "hot_standby = on",
            "restore_command = " + ComputeFolder.quoted(history.restoreCommand()),
            "recovery_target_action = " + (writable ? "'promote'" : "'pause'")));
        settings.addAll(CLEARED_TARGETS);
        if (point instanceof PointInTime.Time time) {
            settings.add("recovery_target_time = " + ComputeFolder.quoted(TARGET_TIME.format(time.time())));
        } else {
            settings.add("recovery_target_lsn = " + ComputeFolder.quoted(((PointInTime.Position) point).lsn()
                .toString()));
            settings.add("recovery_target_inclusive = off");
        }
        return settings;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeDriverException("interrupted while waiting for a point in time");
        }
    }
}
