package io.pgdispatch.router.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/clusters}. */
public record CreateClusterRequest(
    @Schema(description = "Display name, 1 to 64 printable characters", examples = "demo") String name) {
}
