package io.pgdispatch.auth.store;

import io.pgdispatch.auth.link.LinkChoice;
import io.pgdispatch.auth.link.LinkSession;
import io.pgdispatch.auth.link.LinkState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/**
 * The table auth.link_sessions. A session changes state once, from pending: each update checks it still is, and
 * that it has not expired, so that a confirmation and a cancel or an expiry racing each other leave one outcome.
 * Sessions that expired a day ago are deleted when new ones are made.
 */
@ApplicationScoped
public class LinkSessionStore {

    /** 256 bits: the id is the secret that lets its holder confirm the session. */
    private static final int ID_BYTES = 32;
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final Pool pool;
    private final SecureRandom random = new SecureRandom();

    LinkSessionStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<LinkSession> create(String clientAddress, Duration ttl) {
        byte[] secret = new byte[ID_BYTES];
        random.nextBytes(secret);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return pool.preparedQuery("""
                DELETE FROM auth.link_sessions WHERE expires_at < now() - $1::bigint * interval '1 millisecond'""")
            .execute(Tuple.of(KEPT_AFTER_EXPIRY.toMillis()))
            .chain(() -> pool.preparedQuery("""
                    INSERT INTO auth.link_sessions (id, client_address, expires_at)
                    VALUES ($1, $2, now() + $3::bigint * interval '1 millisecond') RETURNING *""")
                .execute(Tuple.of(id, clientAddress, ttl.toMillis())))
            .map(rows -> sessionOf(rows.iterator().next()));
    }

    /** The session, {@link LinkState#EXPIRED} when it is still pending after its expiry; empty for an unknown id. */
    public Uni<Optional<LinkSession>> find(String id) {
        return pool.preparedQuery("SELECT *, expires_at < now() AS expired FROM auth.link_sessions WHERE id = $1")
            .execute(Tuple.of(id))
            .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(sessionOf(rows.iterator().next())));
    }

    /** Records the person's choice; false when the session is no longer pending or has expired. */
    public Uni<Boolean> confirm(String id, String accountId, LinkChoice choice) {
        return pool.preparedQuery("""
                UPDATE auth.link_sessions
                SET state = 'confirmed', account_id = $2, cluster_id = $3, branch_name = $4, endpoint_id = $5,
                    role_name = $6
                WHERE id = $1 AND state = 'pending' AND expires_at > now()""")
            .execute(Tuple.from(new Object[] {id, accountId, choice.clusterId().orElse(null),
                choice.branchName().orElse(null), choice.endpointId().orElse(null), choice.roleName()}))
            .map(rows -> rows.rowCount() == 1);
    }

    /** Ends a pending session as cancelled in the browser or abandoned by its client; false when it was not. */
    public Uni<Boolean> end(String id, LinkState state) {
        return pool.preparedQuery("UPDATE auth.link_sessions SET state = $2 WHERE id = $1 AND state = 'pending'")
            .execute(Tuple.of(id, state.text()))
            .map(rows -> rows.rowCount() == 1);
    }

    private static LinkSession sessionOf(Row row) {
        LinkState stored = LinkState.ofText(row.getString("state"));
        boolean expired = row.getColumnIndex("expired") >= 0 && Boolean.TRUE.equals(row.getBoolean("expired"));
        LinkState state = stored == LinkState.PENDING && expired ? LinkState.EXPIRED : stored;
        Optional<LinkChoice> choice = Optional.ofNullable(row.getString("role_name"))
            .map(role -> new LinkChoice(Optional.ofNullable(row.getString("cluster_id")),
                Optional.ofNullable(row.getString("branch_name")), Optional.ofNullable(row.getString("endpoint_id")),
                role));
        Instant expiresAt = row.getOffsetDateTime("expires_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant();
        return new LinkSession(row.getString("id"), row.getString("client_address"), state,
            Optional.ofNullable(row.getString("account_id")), choice, expiresAt);
    }
}
