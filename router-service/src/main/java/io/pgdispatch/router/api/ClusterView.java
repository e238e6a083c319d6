package io.pgdispatch.router.api;

import io.pgdispatch.router.cluster.Cluster;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cluster as the management API shows it: the owning account is the caller, so it is left out. */
public record ClusterView(
    @Schema(description = "Generated id, also the first label of the host name", examples = "c3kq7zm2xa4f")
    String id,
    String name,
    Instant createdAt,
    @Schema(description = "Whether a connection may name the cluster in its options parameter; when false only"
        + " its endpoints reach it")
    boolean optionsRoutingAllowed,
    AuthenticationSetting authentication,
    AnonymousSetting anonymous,
    @Schema(description = "The cluster's branches, oldest first") List<BranchView> branches) {

    static ClusterView of(Cluster cluster) {
        return new ClusterView(cluster.id(), cluster.name(), cluster.createdAt(), cluster.optionsRoutingAllowed(),
            AuthenticationSetting.of(cluster.passthrough()), AnonymousSetting.of(cluster.anonymous()),
            cluster.branches().stream().map(BranchView::of).toList());
    }
}
