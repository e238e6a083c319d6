package io.pgdispatch.proxy.session;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;

/**
 * Copies bytes both ways between a client and its compute once the session is logged in, without reading them.
 *
 * <p>Zero copy: each side hands over the ByteBuf that Netty read (after TLS decryption, on the client side), and
 * the other side writes that very buffer, which Netty releases once written. Vert.x's {@code handler(Buffer)}
 * would copy every read into a new heap buffer first, and the write would copy it back to direct memory; so the
 * relay uses Vert.x's internal message handler instead, and its backpressure is Netty's: when one side's
 * outbound buffer is full, the other side stops reading from its socket until it drains.
 *
 * <p>When either side closes, the other is closed too, and {@code onClosed} runs once with the byte counts. Both
 * sockets live on one event loop, so the counters need no synchronization.
 */
final class Relay {

    /** Called once both sockets are closed. */
    interface ClosedHandler {
        void closed(long bytesFromClient, long bytesToClient);
    }

    private final NetSocketInternal client;
    private final NetSocketInternal compute;
    private final ClosedHandler onClosed;
    private long bytesFromClient;
    private long bytesToClient;
    private int openSockets = 2;

    Relay(NetSocket client, NetSocket compute, ClosedHandler onClosed) {
        this.client = (NetSocketInternal) client;
        this.compute = (NetSocketInternal) compute;
        this.onClosed = onClosed;
    }

    /** Starts relaying; the early buffers are bytes each side sent before the relay existed. */
    void start(Buffer earlyFromClient, Buffer earlyFromCompute) {
        if (earlyFromClient.length() > 0) {
            bytesFromClient += earlyFromClient.length();
            compute.write(earlyFromClient);
        }
        if (earlyFromCompute.length() > 0) {
            bytesToClient += earlyFromCompute.length();
            client.write(earlyFromCompute);
        }
        client.messageHandler(message -> bytesFromClient += forward(message, client, compute));
        compute.messageHandler(message -> bytesToClient += forward(message, compute, client));
        client.closeHandler(ignored -> closed(compute));
        compute.closeHandler(ignored -> closed(client));
        client.exceptionHandler(ignored -> client.close());
        compute.exceptionHandler(ignored -> compute.close());
    }

    /** Writes what {@code from} read to {@code to}; returns the number of bytes. */
    private static int forward(Object message, NetSocketInternal from, NetSocketInternal to) {
        if (!(message instanceof ByteBuf data)) {
            ReferenceCountUtil.release(message);
            return 0;
        }
        int length = data.readableBytes();
        to.writeMessage(data, null);
        if (to.writeQueueFull()) {
            reading(from, false);
            to.drainHandler(ignored -> reading(from, true));
        }
        return length;
    }

    private static void reading(NetSocketInternal socket, boolean enabled) {
        socket.channelHandlerContext().channel().config().setAutoRead(enabled);
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
