package io.pgdispatch.compute.store;

/**
 * Where a compute is in its life. STARTING and SUSPENDING last while the driver works; a compute-manager that
 * stops in the middle leaves them behind, and rediscovery turns them into RUNNING or STOPPED.
 */
public enum ComputeState {
    STOPPED,
    STARTING,
    RUNNING,
    SUSPENDING
}
