package io.pgdispatch.router.api;

import io.pgdispatch.router.cluster.Branch;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A branch as the management API shows it. */
public record BranchView(
    @Schema(description = "Generated id, part of the compute's identity", examples = "br4xk2m7qa3z")
    String id,
    @Schema(description = "Name a connection uses to choose the branch", examples = "testing")
    String name,
    @Schema(description = "Name of the branch whose data this one was copied from; null for main",
        examples = "main", nullable = true)
    String parent,
    Instant createdAt) {

    static BranchView of(Branch branch) {
        return new BranchView(branch.id(), branch.name(), branch.parent(), branch.createdAt());
    }
}
