package io.pgdispatch.proxy.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.proxy.protocol.ProtocolException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordFormTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "endpoint=ep-1;secret       | ep-1 | secret",
        "endpoint=ep-1;se;cr=et     | ep-1 | se;cr=et",
        "endpoint=ep-1;             | ep-1 | ''",
        "endpoint=ep-1; spaced out  | ep-1 | ' spaced out'",
    })
    void splitsTheEndpointFromThePasswordAtTheFirstSemicolon(String sent, String endpoint, String password) {
        PasswordForm form = PasswordForm.parse(sent, "localtest.me");

        assertEquals(endpoint, form.endpointId());
        assertEquals(password, form.password());
        assertTrue(!form.toString().contains(password) || password.isEmpty(), form.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "endpoint=ep-1", "endpoint:ep-1;secret", "Endpoint=ep-1;secret", ""})
    void aPasswordWithoutTheFormExplainsEveryWayToNameATarget(String sent) {
        ProtocolException error = assertThrows(ProtocolException.class,
            () -> PasswordForm.parse(sent, "localtest.me"));

        assertEquals("3D000", error.sqlState());
        for (String way : new String[] {"host=<cluster-id>.db.localtest.me", "options=endpoint=<endpoint-id>",
            "endpoint=<endpoint-id>;<password>", "dedicated address"}) {
            assertTrue(error.getMessage().contains(way), error.getMessage());
        }
        assertTrue(sent.isEmpty() || !error.getMessage().contains(sent), "the message must not echo the password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"endpoint=;secret", "endpoint=EP;secret", "endpoint=ep_1;secret"})
    void refusesAMalformedEndpointId(String sent) {
        ProtocolException error = assertThrows(ProtocolException.class,
            () -> PasswordForm.parse(sent, "localtest.me"));

        assertEquals("3D000", error.sqlState());
        assertTrue(error.getMessage().startsWith("endpoint id \""), error.getMessage());
        assertTrue(!error.getMessage().contains("secret"), error.getMessage());
    }
}
