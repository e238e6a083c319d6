package io.pgdispatch.router.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/clusters/{clusterId}/branches}. */
public record CreateBranchRequest(
    @Schema(description = "1 to 63 lowercase letters, digits and inner hyphens, starting with a letter",
        examples = "testing")
    String name,
    @Schema(description = "Name of the branch to copy; main when left out", examples = "main", nullable = true)
    String parent,
    @Schema(description = "Copy the parent as it was at this time: RFC 3339, or a bare date for 00:00 UTC that"
        + " day; not in the future, and not together with lsn; the parent's head when left out",
        examples = "2026-01-02T03:04:05Z", nullable = true)
    String timestamp,
    @Schema(description = "Copy the parent as it was at this WAL position, as PostgreSQL prints pg_lsn; not"
        + " together with timestamp", examples = "0/16B3748", nullable = true)
    String lsn) {
}
