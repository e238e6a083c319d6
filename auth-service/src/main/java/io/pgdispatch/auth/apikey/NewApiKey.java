package io.pgdispatch.auth.apikey;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key just made: the only time it is shown. */
public record NewApiKey(
    String id,
    @Schema(description = "The key, for the header Authorization: Bearer <key>; it is never shown again")
    String apiKey,
    OffsetDateTime createdAt) {
}
