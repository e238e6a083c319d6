package io.pgdispatch.proxy.compute;

import io.pgdispatch.proxy.protocol.BackendKeyData;
import io.pgdispatch.proxy.protocol.MessageReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * A compute session the proxy has logged in to, ready to be relayed.
 *
 * @param greeting every ParameterStatus and NoticeResponse the compute sent, in order, for the client
 * @param readyForQuery the compute's first ReadyForQuery, which the client receives after the proxy's own
 *     BackendKeyData
 * @param keyData the compute's own BackendKeyData, never shown to the client
 * @param early holds the bytes that arrived after ReadyForQuery until the relay takes over: they go first
 */
public record ComputeConnection(NetSocket socket, Buffer greeting, Buffer readyForQuery, BackendKeyData keyData,
        MessageReader early) {
}
