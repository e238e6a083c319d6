package io.pgdispatch.router.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /v1/clusters/{id}}: the settings to change. */
public record UpdateClusterRequest(
    @Schema(description = "Whether a connection may name the cluster in its options parameter; false leaves only"
        + " its endpoints", examples = "false")
    Boolean optionsRoutingAllowed,
    AuthenticationSetting authentication,
    AnonymousSetting anonymous) {
}
