package io.pgdispatch.router.api;

import io.pgdispatch.router.cluster.Branch;
import io.pgdispatch.router.endpoint.AccessRules;
import io.pgdispatch.router.endpoint.EndpointSettings;
import io.pgdispatch.router.endpoint.ListenAddress;
import io.pgdispatch.router.cluster.PointInTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /v1/clusters/{clusterId}/endpoints} and {@code PUT /v1/endpoints/{id}}: every setting of an
 * endpoint, a missing one taking its default, so that a PUT replaces them all.
 */
public record EndpointRequest(
    @Schema(description = "Name of the branch to serve; main when left out", examples = "main", nullable = true)
    String branch,
    @Schema(description = "Serve the branch as it was at this time: RFC 3339, or a bare date for 00:00 UTC that"
        + " day; not in the future, and not together with lsn", examples = "2026-01-02T03:04:05Z", nullable = true)
    String timestamp,
    @Schema(description = "Serve the branch as it was at this WAL position, as PostgreSQL prints pg_lsn; not"
        + " together with timestamp", examples = "0/16B3748", nullable = true)
    String lsn,
    @Schema(description = "Serve the branch's read replica instead of its primary; false when left out",
        nullable = true)
    Boolean readReplica,
    @Schema(description = "Client addresses and CIDR ranges, IPv4 or IPv6, allowed in; empty allows every address",
        examples = "[\"203.0.113.0/24\", \"2001:db8::/32\"]", nullable = true)
    List<String> allowedAddresses,
    @Schema(description = "AWS VPC endpoint ids allowed in; empty allows every VPC endpoint",
        examples = "[\"vpce-0a1b2c3d4e5f67890\"]", nullable = true)
    List<String> allowedVpcEndpoints,
    @Schema(description = "Refuse connections that do not come through a VPC endpoint; false when left out",
        nullable = true)
    Boolean vpcOnly,
    @Schema(description = "Dedicated listener the proxy binds for this endpoint alone: a literal IP address and a"
        + " port, [brackets] around IPv6; unique across all endpoints", examples = "127.0.0.42:5432",
        nullable = true)
    String listenAddress,
    @Schema(description = "Anonymous access through this endpoint instead of its cluster's setting; left out or"
        + " null, the endpoint follows its cluster", nullable = true)
    AnonymousSetting anonymous) {

    /** The checked settings; throws InvalidEndpointSettingsException naming the first value that is wrong. */
    private EndpointSettings settings(Instant now) {
        return new EndpointSettings(
            branch == null ? Branch.DEFAULT_NAME : branch,
            PointInTime.of(timestamp, lsn, now),
            Boolean.TRUE.equals(readReplica),
            AccessRules.of(allowedAddresses, allowedVpcEndpoints, Boolean.TRUE.equals(vpcOnly)),
            ListenAddress.canonical(listenAddress),
            Optional.ofNullable(anonymous).map(AnonymousSetting::toAccess));
    }

    /** A request without a body: every setting at its default. */
    static EndpointSettings settingsOf(EndpointRequest request, Instant now) {
        return (request == null ? new EndpointRequest(null, null, null, null, null, null, null, null, null) : request)
            .settings(now);
    }
}
