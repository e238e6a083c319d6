package io.pgdispatch.auth.account;

import java.time.OffsetDateTime;

/** A tenant: owns API keys and roles. */
public record Account(String id, String name, OffsetDateTime createdAt) {
}
