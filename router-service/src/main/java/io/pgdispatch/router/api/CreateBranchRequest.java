package io.pgdispatch.router.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/clusters/{clusterId}/branches}. */
public record CreateBranchRequest(
    @Schema(description = "1 to 63 lowercase letters, digits and inner hyphens, starting with a letter",
        examples = "testing")
    String name,
    @Schema(description = "Name of the branch to copy; main when left out", examples = "main", nullable = true)
    String parent) {
}
