package io.pgdispatch.router.api;

import io.pgdispatch.router.cluster.AnonymousAccess;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether and how a cluster serves anonymous sessions, as the management API reads and writes it. */
@Schema(description = "Anonymous sessions: user \"anonymous\", no password. \"read-only\" serves them from the"
    + " branch's read replica as an unprivileged role that reads every table; \"sandbox\" gives each session a"
    + " writable copy of the branch of its own, discarded when it ends. Off by default.")
public record AnonymousSetting(
    @Schema(enumeration = {"off", "read-only", "sandbox"}) String access,
    @Schema(description = "Anonymous sessions at a time on each proxy (default 20)", examples = "20")
    Integer connectionLimit,
    @Schema(description = "statement_timeout of anonymous sessions in ms (default 30000)", examples = "30000")
    Integer statementTimeoutMs) {

    static AnonymousSetting of(AnonymousAccess anonymous) {
        return new AnonymousSetting(anonymous.mode().text(), anonymous.connectionLimit(),
            anonymous.statementTimeoutMillis());
    }

    /** Fails with InvalidClusterSettingsException; a missing limit or timeout takes the default. */
    AnonymousAccess toAccess() {
        return AnonymousAccess.of(access, connectionLimit, statementTimeoutMs);
    }
}
