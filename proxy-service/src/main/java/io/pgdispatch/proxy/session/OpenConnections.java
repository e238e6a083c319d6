package io.pgdispatch.proxy.session;

import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The client connections of this proxy, each counted from its accept until its socket has closed, whatever ended
 * it; and whether the proxy drains: then new sessions are refused and shutdown waits for the open ones to end.
 */
@ApplicationScoped
public class OpenConnections {

    private final Object lock = new Object();
    private int open;
    private volatile boolean draining;

    /** Counts the connection until its channel closes. */
    public void track(NetSocket socket) {
        synchronized (lock) {
            open++;
        }
        ((NetSocketInternal) socket).channelHandlerContext().channel().closeFuture().addListener(ignored -> {
            synchronized (lock) {
                open--;
                lock.notifyAll();
            }
        });
    }

    public boolean draining() {
        return draining;
    }

    public int open() {
        synchronized (lock) {
            return open;
        }
    }

    /**
     * Refuses new sessions from now on and waits until every connection has closed, or the timeout has passed;
     * answers how many are still open.
     */
    public int drain(Duration timeout) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (open > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return open;
        }
    }
}
