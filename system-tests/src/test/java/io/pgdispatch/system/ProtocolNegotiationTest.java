package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The requests before a startup that a client may try, and what the proxy answers so that it can go on. */
@ExtendWith(DispatchSystemExtension.class)
class ProtocolNegotiationTest {

    @Test
    void gssEncryptionIsDeclinedAndTheClientGoesOnWithTls(DispatchSystem system) throws Exception {
        try (WireClient client = new WireClient(system.proxyPort())) {
            client.send(ByteBuffer.allocate(8).putInt(8).putInt(80877104).array());
            assertEquals('N', client.receiveByte());

            client.startTls(system.newTenant().host(), system.caCertificate());
            client.sendStartup(Map.of("user", "anyone"));

            assertEquals('R', client.receive().type());
        }
    }

    @Test
    void aNewerMinorVersionAndProtocolExtensionsAreNegotiatedDownTo30(DispatchSystem system) throws Exception {
        try (WireClient client = new WireClient(system.proxyPort())) {
            client.startTls(system.newTenant().host(), system.caCertificate());
            byte[] parameters = "user\0anyone\0_pq_.future\0on\0\0".getBytes(StandardCharsets.US_ASCII);
            int length = 8 + parameters.length;
            client.send(ByteBuffer.allocate(length).putInt(length).putInt(3 << 16 | 2).put(parameters).array());

            WireClient.Received negotiation = client.receive();

            assertEquals('v', negotiation.type());
            ByteBuffer body = ByteBuffer.wrap(negotiation.body());
            assertEquals(0, body.getInt(), "newest minor version");
            assertEquals(1, body.getInt(), "unrecognized options");
            assertEquals("_pq_.future\0", new String(negotiation.body(), 8, body.remaining(), StandardCharsets.UTF_8));
            assertEquals('R', client.receive().type(), "authentication goes on with 3.0");
        }
    }
}
