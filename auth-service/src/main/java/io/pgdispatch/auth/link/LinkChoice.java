package io.pgdispatch.auth.link;

import java.util.Optional;

/**
 * Where a confirmed link session goes: a cluster and one of its branches, or an endpoint (which fixes its own
 * cluster and branch); and the account role it runs as.
 */
public record LinkChoice(Optional<String> clusterId, Optional<String> branchName, Optional<String> endpointId,
    String roleName) {
}
