package io.pgdispatch.auth.apikey;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of an account's API keys, as its owner sees it: never the key itself, which is shown only when made. */
public record ApiKey(
    @Schema(description = "Id of the key, to remove it with DELETE /v1/account/api-keys/{id}",
        examples = "kq3x7zm2a4fb")
    String id,
    OffsetDateTime createdAt,
    @Schema(description = "Whether this is the key the request was made with")
    boolean current) {
}
