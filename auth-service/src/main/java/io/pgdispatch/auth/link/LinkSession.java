package io.pgdispatch.auth.link;

import java.time.Instant;
import java.util.Optional;

/** One connection waiting at start.&lt;domain&gt;; {@code accountId} and {@code choice} are set once confirmed. */
public record LinkSession(String id, String clientAddress, LinkState state, Optional<String> accountId,
    Optional<LinkChoice> choice, Instant expiresAt) {
}
