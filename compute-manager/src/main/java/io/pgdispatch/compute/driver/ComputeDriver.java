package io.pgdispatch.compute.driver;

import java.util.List;
import java.util.Optional;

/**
 * The platform under the computes. Every method blocks until the platform is done, so callers run them on worker
 * threads, and at most one method runs at a time for the same compute. Failures are {@link ComputeDriverException}s
 * whose message tells the reason.
 */
public interface ComputeDriver {

    /** Creates the branch's storage unless it exists; returns where it lives, for operators. */
    String ensureStorage(ComputeSpec spec);

    /** Starts a compute whose storage exists and waits until it accepts connections. */
    ComputeEndpoint start(ComputeSpec spec);

    /** Creates or updates the given login roles in a running compute, with their verifiers as passwords. */
    void applyRoles(ComputeSpec spec, List<RoleSecret> roles);

    /** Shuts a compute down cleanly, keeping every committed transaction; does nothing if it is not running. */
    void stop(ComputeSpec spec);

    /** Where the compute runs, if it runs: also finds computes started before this process. */
    Optional<ComputeEndpoint> running(ComputeSpec spec);
}
