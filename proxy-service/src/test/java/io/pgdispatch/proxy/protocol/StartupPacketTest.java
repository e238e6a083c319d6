package io.pgdispatch.proxy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Startup-phase packets decoded from the bytes a client sends, including broken and hostile ones. */
class StartupPacketTest {

    @Test
    void decodesAStartupMessageAndItsParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", "alice");
        parameters.put("database", "shop");
        parameters.put("options", "-c statement_timeout=1s");
        StartupPacket packet = readOne(StartupMessage.encode(parameters));

        StartupMessage message = assertInstanceOf(StartupMessage.class, packet);
        assertEquals(3, message.majorVersion());
        assertEquals(0, message.minorVersion());
        assertEquals(parameters, message.parameters());
        assertEquals("shop", message.database());
    }

    @Test
    void theDatabaseDefaultsToTheUser() {
        StartupMessage message = (StartupMessage) readOne(StartupMessage.encode(Map.of("user", "bob")));
        assertEquals("bob", message.database());
    }

    @Test
    void decodesTheRequestCodes() {
        assertInstanceOf(SslRequest.class, readOne(Buffer.buffer().appendInt(8).appendInt(SslRequest.CODE)));
        assertInstanceOf(GssEncRequest.class, readOne(Buffer.buffer().appendInt(8).appendInt(GssEncRequest.CODE)));
        CancelRequest cancel = (CancelRequest) readOne(new CancelRequest(42, -7).encode());
        assertEquals(new CancelRequest(42, -7), cancel);
    }

    @Test
    void waitsForTheRestOfAPacket() {
        Buffer whole = StartupMessage.encode(Map.of("user", "carol"));
        MessageReader reader = new MessageReader(1024);
        reader.append(whole.getBuffer(0, 3));
        assertNull(reader.nextStartupPacket());
        reader.append(whole.getBuffer(3, 10));
        assertNull(reader.nextStartupPacket());
        reader.append(whole.getBuffer(10, whole.length()).appendString("early"));
        assertEquals("carol", ((StartupMessage) StartupPacket.decode(reader.nextStartupPacket())).user());
        assertEquals("early", reader.drain().toString());
    }

    @Test
    void refusesImpossibleAndOversizedLengths() {
        assertViolation(Buffer.buffer().appendInt(4).appendInt(0), "invalid startup packet length 4");
        assertViolation(Buffer.buffer().appendInt(-1), "invalid startup packet length -1");
        assertViolation(Buffer.buffer().appendInt(MessageReader.MAX_STARTUP_PACKET_LENGTH + 1),
            "invalid startup packet length 10001");
    }

    @Test
    void refusesBrokenLayouts() {
        Buffer noTerminator = Buffer.buffer().appendInt(3 << 16).appendString("user").appendByte((byte) 0)
            .appendString("x");
        assertViolation(packet(noTerminator), "expected terminator as last byte");
        Buffer noValue = Buffer.buffer().appendInt(3 << 16).appendString("user").appendByte((byte) 0)
            .appendByte((byte) 0);
        assertViolation(packet(noValue), "has no value");
        Buffer twice = Buffer.buffer().appendInt(3 << 16);
        for (int i = 0; i < 2; i++) {
            twice.appendString("user").appendByte((byte) 0).appendString("a").appendByte((byte) 0);
        }
        assertViolation(packet(twice.appendByte((byte) 0)), "given twice");
        assertViolation(packet(Buffer.buffer().appendInt(CancelRequest.CODE).appendInt(1)), "invalid CancelRequest");
    }

    @Test
    void refusesOtherProtocolVersionsWithFeatureNotSupported() {
        ProtocolException error = assertThrows(ProtocolException.class,
            () -> readOne(packet(Buffer.buffer().appendInt(2 << 16).appendByte((byte) 0))));
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, error.sqlState());
        assertTrue(error.getMessage().contains("2.0"), error.getMessage());
    }

    @Test
    void acceptsANewerMinorVersionForNegotiation() {
        Buffer body = Buffer.buffer().appendInt(3 << 16 | 2).appendString("user").appendByte((byte) 0)
            .appendString("dave").appendByte((byte) 0).appendByte((byte) 0);
        assertEquals(2, ((StartupMessage) readOne(packet(body))).minorVersion());
    }

    private static Buffer packet(Buffer body) {
        return Buffer.buffer().appendInt(body.length() + 4).appendBuffer(body);
    }

    private static StartupPacket readOne(Buffer bytes) {
        MessageReader reader = new MessageReader(1024);
        reader.append(bytes);
        StartupPacket packet = StartupPacket.decode(reader.nextStartupPacket());
        assertTrue(reader.isEmpty());
        return packet;
    }

    private static void assertViolation(Buffer bytes, String expected) {
        ProtocolException error = assertThrows(ProtocolException.class, () -> readOne(bytes));
        assertEquals(SqlState.PROTOCOL_VIOLATION, error.sqlState());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
