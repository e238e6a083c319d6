package io.pgdispatch.router.api;

import io.pgdispatch.router.endpoint.Endpoint;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint as the management API shows it. */
public record EndpointView(
    @Schema(description = "Generated id, also the first label of the host name <id>.endpoint.<domain>",
        examples = "ep-k3q7zm2xa4fb")
    String id,
    String clusterId,
    @Schema(description = "Name of the branch it serves", examples = "main")
    String branch,
    @Schema(description = "The point in time it serves, in UTC; null when it serves the branch as it is now or"
        + " an LSN", nullable = true)
    Instant timestamp,
    @Schema(description = "The WAL position it serves; null when it serves the branch as it is now or a time",
        examples = "0/16B3748", nullable = true)
    String lsn,
    boolean readReplica,
    @Schema(description = "Allowed client addresses and ranges in canonical form; empty allows every address")
    List<String> allowedAddresses,
    @Schema(description = "Allowed VPC endpoint ids; empty allows every VPC endpoint")
    List<String> allowedVpcEndpoints,
    boolean vpcOnly,
    @Schema(description = "Dedicated listener address in canonical form; null for none", nullable = true)
    String listenAddress,
    @Schema(description = "The endpoint's own anonymous access; null when it follows its cluster's",
        nullable = true)
    AnonymousSetting anonymous,
    Instant createdAt,
    Instant updatedAt) {

    static EndpointView of(Endpoint endpoint) {
        return new EndpointView(endpoint.id(), endpoint.target().clusterId(), endpoint.target().branchName(),
            endpoint.pointInTime().timestamp(),
            endpoint.pointInTime().lsn() == null ? null : endpoint.pointInTime().lsn().toString(),
            endpoint.readReplica(), endpoint.access().allowedAddresses(), endpoint.access().allowedVpcEndpoints(),
            endpoint.access().vpcOnly(), endpoint.listenAddress(),
            endpoint.anonymous().map(AnonymousSetting::of).orElse(null), endpoint.createdAt(), endpoint.updatedAt());
    }
}
