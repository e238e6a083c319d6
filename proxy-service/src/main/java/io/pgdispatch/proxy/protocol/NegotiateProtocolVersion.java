package io.pgdispatch.proxy.protocol;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * NegotiateProtocolVersion: tells a client that asked for a newer minor version, or for protocol extensions,
 * which minor version the server speaks and which {@code _pq_.} options it did not recognize. The client may then
 * go on with 3.0.
 */
public record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions) {

    public Buffer encode() {
        Buffer frame = Wire.begin(MessageType.NEGOTIATE_PROTOCOL_VERSION)
            .appendInt(newestMinorVersion)
            .appendInt(unrecognizedOptions.size());
        unrecognizedOptions.forEach(option -> Wire.appendCString(frame, option));
        return Wire.finish(frame);
    }
}
