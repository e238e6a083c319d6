package io.pgdispatch.proxy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The messages the proxy writes, compared byte for byte with the protocol documentation's layouts. */
class BackendMessageTest {

    @Test
    void errorResponseHasSeverityCodeAndMessageFields() {
        Buffer bytes = ErrorResponse.fatal("28P01", "no").encode();
        Buffer expected = Buffer.buffer().appendByte((byte) 'E').appendInt(4 + 7 + 7 + 7 + 4 + 1)
            .appendString("SFATAL\0VFATAL\0C28P01\0Mno\0").appendByte((byte) 0);
        assertEquals(expected, bytes);

        ErrorResponse decoded = ErrorResponse.decode(readMessage(bytes));
        assertEquals("28P01", decoded.sqlState());
        assertEquals("no", decoded.message());
    }

    @Test
    void authenticationSaslListsMechanismsAndEndsWithAnEmptyName() {
        Buffer expected = Buffer.buffer().appendByte((byte) 'R').appendInt(4 + 4 + 14 + 1).appendInt(10)
            .appendString("SCRAM-SHA-256\0").appendByte((byte) 0);
        assertEquals(expected, Authentication.sasl(List.of("SCRAM-SHA-256")));
        Authentication decoded = Authentication.decode(readMessage(expected));
        assertEquals(List.of("SCRAM-SHA-256"), decoded.mechanisms());
    }

    @Test
    void authenticationOkAndSaslSteps() {
        assertEquals(Buffer.buffer().appendByte((byte) 'R').appendInt(8).appendInt(0), Authentication.ok());
        Authentication decoded = Authentication.decode(readMessage(Authentication.saslContinue("r=abc")));
        assertEquals(Authentication.SASL_CONTINUE, decoded.kind());
        assertEquals("r=abc", decoded.text());
    }

    @Test
    void saslResponsesRoundTrip() {
        SaslInitialResponse initial = new SaslInitialResponse("SCRAM-SHA-256", "n,,n=,r=xyz");
        assertEquals(initial, SaslInitialResponse.decode(readMessage(initial.encode())));
        SaslResponse response = new SaslResponse("c=biws,r=xyz,p=AAAA");
        assertEquals(response, SaslResponse.decode(readMessage(response.encode())));
    }

    @Test
    void aSaslInitialResponseWithoutDataIsEmpty() {
        Buffer frame = Buffer.buffer().appendByte((byte) 'p').appendInt(4 + 14 + 4)
            .appendString("SCRAM-SHA-256\0").appendInt(-1);
        assertEquals("", SaslInitialResponse.decode(readMessage(frame)).data());
    }

    @Test
    void backendKeyDataAndNegotiateProtocolVersion() {
        assertEquals(Buffer.buffer().appendByte((byte) 'K').appendInt(12).appendInt(7).appendInt(-3),
            new BackendKeyData(7, -3).encode());
        Buffer expected = Buffer.buffer().appendByte((byte) 'v').appendInt(4 + 4 + 4 + 7).appendInt(0).appendInt(1)
            .appendString("_pq_.x\0");
        assertEquals(expected, new NegotiateProtocolVersion(0, List.of("_pq_.x")).encode());
    }

    @Test
    void aTypedMessageOverTheHandshakeLimitIsAViolation() {
        MessageReader reader = new MessageReader(64);
        reader.append(Buffer.buffer().appendByte((byte) 'p').appendInt(1_000_000));
        ProtocolException error = assertThrows(ProtocolException.class,
            reader::nextMessage);
        assertEquals(SqlState.PROTOCOL_VIOLATION, error.sqlState());
    }

    private static Message readMessage(Buffer bytes) {
        MessageReader reader = new MessageReader(1024);
        reader.append(bytes.copy());
        return reader.nextMessage();
    }
}
