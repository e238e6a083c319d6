package io.pgdispatch.proxy.session;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * Copies bytes both ways between a client and its compute once the session is logged in, without reading them.
 * Backpressure: when one side cannot take more, reading from the other stops until it drains. When either side
 * closes, the other is closed too, and {@code onClosed} runs once with the byte counts.
 */
final class Relay {

    /** Called once both sockets are closed. */
    interface ClosedHandler {
        void closed(long bytesFromClient, long bytesToClient);
    }

    private final NetSocket client;
    private final NetSocket compute;
    private final ClosedHandler onClosed;
    private long bytesFromClient;
    private long bytesToClient;
    private int openSockets = 2;

    Relay(NetSocket client, NetSocket compute, ClosedHandler onClosed) {
        this.client = client;
        this.compute = compute;
        this.onClosed = onClosed;
    }

    /** Starts relaying; the early buffers are bytes each side sent before the relay existed. */
    void start(Buffer earlyFromClient, Buffer earlyFromCompute) {
        client.handler(data -> {
            bytesFromClient += data.length();
            forward(data, client, compute);
        });
        compute.handler(data -> {
            bytesToClient += data.length();
            forward(data, compute, client);
        });
        client.closeHandler(ignored -> closed(compute));
        compute.closeHandler(ignored -> closed(client));
        client.exceptionHandler(ignored -> client.close());
        compute.exceptionHandler(ignored -> compute.close());
        if (earlyFromClient.length() > 0) {
            bytesFromClient += earlyFromClient.length();
            compute.write(earlyFromClient);
        }
        if (earlyFromCompute.length() > 0) {
            bytesToClient += earlyFromCompute.length();
            client.write(earlyFromCompute);
        }
        client.resume();
        compute.resume();
    }

    private static void forward(Buffer data, NetSocket from, NetSocket to) {
        to.write(data);
        if (to.writeQueueFull()) {
            from.pause();
            to.drainHandler(ignored -> from.resume());
        }
    }

    private void closed(NetSocket other) {
        openSockets--;
        if (openSockets == 1) {
            other.close();
        } else {
            onClosed.closed(bytesFromClient, bytesToClient);
        }
    }
}
