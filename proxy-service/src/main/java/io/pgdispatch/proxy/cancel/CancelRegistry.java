package io.pgdispatch.proxy.cancel;

import io.pgdispatch.proxy.protocol.BackendKeyData;
import io.pgdispatch.proxy.protocol.CancelRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancel keys this proxy handed out. A client gets a proxy-issued BackendKeyData instead of the compute's, so
 * that it never learns a compute's process id and a CancelRequest can only reach the session it names.
 *
 * <p>Limitation: keys live in this proxy's memory, so with several proxy replicas a CancelRequest must reach the
 * replica that holds the session; a load balancer spreading connections at random defeats that.
 */
@ApplicationScoped
public class CancelRegistry {

    private final Map<Long, CancelTarget> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Issues a new key for a session whose compute gave {@code computeKey}. */
    public BackendKeyData register(String host, int port, BackendKeyData computeKey) {
        while (true) {
            BackendKeyData issued = new BackendKeyData(random.nextInt() & Integer.MAX_VALUE, random.nextInt());
            if (sessions.putIfAbsent(key(issued.processId(), issued.secretKey()),
                new CancelTarget(host, port, computeKey)) == null) {
                return issued;
            }
        }
    }

    public void unregister(BackendKeyData issued) {
        sessions.remove(key(issued.processId(), issued.secretKey()));
    }

    /** Where to send a cancel, and with which compute key, or empty for a key this proxy never issued. */
    public Optional<CancelTarget> find(CancelRequest request) {
        return Optional.ofNullable(sessions.get(key(request.processId(), request.secretKey())));
    }

    private static long key(int processId, int secretKey) {
        return (long) processId << 32 | (secretKey & 0xFFFFFFFFL);
    }

    /** A compute session that a CancelRequest may interrupt. */
    public record CancelTarget(String host, int port, BackendKeyData computeKey) {

        public CancelRequest request() {
            return new CancelRequest(computeKey.processId(), computeKey.secretKey());
        }
    }
}
