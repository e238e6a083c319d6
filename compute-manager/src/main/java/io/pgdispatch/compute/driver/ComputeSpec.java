package io.pgdispatch.compute.driver;

/**
 * Which compute a driver works on: the primary of one branch of one cluster.
 *
 * @param computeId the control plane's id of the compute, for log lines
 */
public record ComputeSpec(String computeId, String clusterId, String branchId) {
}
