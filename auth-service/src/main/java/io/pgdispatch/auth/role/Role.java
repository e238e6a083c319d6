package io.pgdispatch.auth.role;

import java.time.OffsetDateTime;

/** A PostgreSQL role of an account, shared by all its clusters, as the management API shows it. */
public record Role(String name, OffsetDateTime createdAt) {
}
