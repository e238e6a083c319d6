package io.pgdispatch.proxy.session;

import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import io.pgdispatch.proxy.routing.Target;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts the anonymous sessions of each cluster on this proxy, so that anonymous users cannot take all of a
 * cluster's connections. An endpoint with an anonymous setting of its own counts its sessions apart; the cluster's
 * other endpoints count towards the cluster. Limitation: each proxy replica counts its own.
 */
@ApplicationScoped
public class AnonymousSessions {

    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    /** Takes one of the target's anonymous places, or fails with 53300 when all are taken. */
    public Slot acquire(Target target) {
        int limit = target.anonymous().connectionLimit();
        String scope = target.anonymousScope();
        boolean[] taken = {false};
        open.compute(scope, (id, count) -> {
            int now = count == null ? 0 : count;
            taken[0] = now < limit;
            return taken[0] ? now + 1 : count;
        });
        if (!taken[0]) {
            throw new ProtocolException(SqlState.TOO_MANY_CONNECTIONS, "too many anonymous sessions on " + scope
                + " (at most " + limit + "): try again later, or log in with a role and its password");
        }
        return new Slot(scope);
    }

    /** One anonymous place, given back once, however often it is released. */
    public final class Slot {

        private final String scope;
        private boolean released;

        private Slot(String scope) {
            this.scope = scope;
        }

        public void release() {
            if (released) {
                return;
            }
            released = true;
            open.computeIfPresent(scope, (id, count) -> count <= 1 ? null : count - 1);
        }
    }
}
