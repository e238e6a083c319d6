package io.pgdispatch.proxy.session;

import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import io.pgdispatch.proxy.routing.Target;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts the anonymous sessions of each cluster on this proxy, so that anonymous users cannot take all of a
 * cluster's connections. Limitation: each proxy replica counts its own.
 */
@ApplicationScoped
public class AnonymousSessions {

    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    /** Takes one of the cluster's anonymous places, or fails with 53300 when all are taken. */
    public Slot acquire(Target target) {
        int limit = target.anonymous().connectionLimit();
        String cluster = target.clusterId();
        boolean[] taken = {false};
        open.compute(cluster, (id, count) -> {
            int now = count == null ? 0 : count;
            taken[0] = now < limit;
            return taken[0] ? now + 1 : count;
        });
        if (!taken[0]) {
            throw new ProtocolException(SqlState.TOO_MANY_CONNECTIONS, "too many anonymous sessions on cluster \""
                + cluster + "\" (at most " + limit + "): try again later, or log in with a role and its password");
        }
        return new Slot(cluster);
    }

    /** One anonymous place, given back once, however often it is released. */
    public final class Slot {

        private final String cluster;
        private boolean released;

        private Slot(String cluster) {
            this.cluster = cluster;
        }

        public void release() {
            if (released) {
                return;
            }
            released = true;
            open.computeIfPresent(cluster, (id, count) -> count <= 1 ? null : count - 1);
        }
    }
}
