package io.pgdispatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Broken startup packets get 08P01 and a closed connection, and the proxy goes on serving everyone else, even
 * while a broken client holds its connection open.
 */
@ExtendWith(DispatchSystemExtension.class)
class MalformedStartupTest {

    @Test
    void aLengthTooSmallIsAProtocolViolation(DispatchSystem system) throws Exception {
        assertViolation(system, ByteBuffer.allocate(8).putInt(3).putInt(3 << 16).array(), "length 3");
    }

    @Test
    void anOversizedPacketIsRefusedBeforeItIsRead(DispatchSystem system) throws Exception {
        assertViolation(system, ByteBuffer.allocate(8).putInt(1 << 30).putInt(3 << 16).array(), "length 1073741824");
    }

    @Test
    void aPacketWithoutItsTerminatorIsAProtocolViolation(DispatchSystem system) throws Exception {
        byte[] unterminated = ByteBuffer.allocate(14).putInt(14).putInt(3 << 16).put("user\0x".getBytes()).array();
        assertViolation(system, unterminated, "terminator");
    }

    @Test
    void aTruncatedPacketTimesOutWhileOthersAreServed(DispatchSystem system) throws Exception {
        Tenant tenant = system.newTenant();
        try (WireClient stalled = new WireClient(system.proxyPort())) {
            stalled.send(ByteBuffer.allocate(24).putInt(100).putInt(3 << 16).put("user\0ali".getBytes()).array());

            Psql.Result meanwhile = new Psql(system, tenant).run("select 'served'");
            Map<Character, String> error = stalled.receiveError();

            assertEquals("served", meanwhile.output(), meanwhile.errors());
            assertEquals("08P01", error.get('C'));
            assertTrue(error.get('M').contains("did not finish the startup"), error.get('M'));
        }
    }

    private static void assertViolation(DispatchSystem system, byte[] packet, String expected) throws Exception {
        try (WireClient client = new WireClient(system.proxyPort())) {
            client.send(packet);

            Map<Character, String> error = client.receiveError();

            assertEquals("08P01", error.get('C'));
            assertTrue(error.get('M').contains(expected), error.get('M'));
            assertTrue(client.closedByServer());
        }
        Psql.Result after = new Psql(system, system.newTenant()).run("select 'still serving'");
        assertEquals("still serving", after.output(), after.errors());
    }
}
