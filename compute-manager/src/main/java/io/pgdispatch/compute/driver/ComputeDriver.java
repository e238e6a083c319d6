package io.pgdispatch.compute.driver;

import io.pgdispatch.contract.target.PointInTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The platform under the computes. Every method blocks until the platform is done, so callers run them on worker
 * threads, and at most one method runs at a time for the same compute. Failures are {@link ComputeDriverException}s
 * whose message tells the reason.
 */
public interface ComputeDriver {

    /**
     * Creates the compute's storage unless it exists; returns where it lives, for operators. The storage of a compute
     * that is not a primary is made from its branch's history while the branch's primary runs.
     *
     * @throws PointInTimeOutOfRangeException when a point-in-time compute's point is in the future or before the
     *     branch's history begins; nothing has been made then
     */
    String ensureStorage(ComputeSpec spec);

    /**
     * Whether {@link #ensureStorage} needs the branch's primary to run for this compute, which has no storage yet;
     * compute-manager then starts the primary first.
     */
    boolean needsRunningPrimary(ComputeSpec spec);

    /** Whether the compute has storage, so that {@link #start} needs no {@link #ensureStorage} first. */
    boolean hasStorage(ComputeSpec spec);

    /**
     * Creates a new branch's storage as a copy of the parent's data as it is now, taken from the running parent, or
     * as it was at a point in time; the parent is not modified. The copy is a primary of its own: {@link #start}
     * then starts it without creating storage. A failed copy leaves nothing behind, so the call can be repeated.
     *
     * @param point empty for the parent's head
     * @throws StorageExistsException when the branch has storage already
     * @throws PointInTimeOutOfRangeException when the parent's history does not hold the point
     */
    void createBranchStorage(ComputeSpec parent, ComputeSpec branch, Optional<PointInTime> point);

    /** Starts a compute whose storage exists and waits until it accepts connections. */
    ComputeEndpoint start(ComputeSpec spec);

    /**
     * Takes a new base backup of a running primary when its branch has written much WAL since the newest one, so that
     * points in time and branches replay little; does nothing when the platform takes base backups on its own
     * schedule. Blocks for the length of a base backup and may run beside sessions, never beside a stop.
     */
    void refreshBaseBackup(ComputeSpec spec);

    /**
     * Makes the compute authenticate connections from the proxy by the given method; a running compute takes a
     * change at once (a reload), for new connections. Called before each start and on each use of a running compute.
     */
    void authenticateWith(ComputeSpec spec, HostAuthentication authentication);

    /**
     * Creates or updates the platform roles in a running writable compute, each with the verifier of its branch's
     * secret ({@link PlatformRole}); on a one-off copy the anonymous role may write, elsewhere only read.
     */
    void applyPlatformRoles(ComputeSpec spec, Map<PlatformRole, String> verifiers);

    /** Creates or updates the given login roles in a running compute, with their verifiers as passwords. */
    void applyRoles(ComputeSpec spec, List<RoleSecret> roles);

    /**
     * Shuts a compute down cleanly, keeping every committed transaction; does nothing if it is not running. A driver
     * may remove a read-only compute's storage with it, to make it again from the branch's history on next use.
     */
    void stop(ComputeSpec spec);

    /**
     * How many client sessions the running compute serves, as the compute itself sees them; 0 when it does not run,
     * and empty when the platform cannot tell.
     */
    OptionalInt clientSessions(ComputeSpec spec);

    /**
     * Removes everything stored for a branch whose computes are all stopped: its data, WAL archive and base
     * backups, and the storage of its points in time and one-off computes. Removing a branch with nothing stored
     * does nothing.
     */
    void deleteBranch(String clusterId, String branchId);

    /** Where the compute runs, if it runs: also finds computes started before this process. */
    Optional<ComputeEndpoint> running(ComputeSpec spec);
}
