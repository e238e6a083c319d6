package io.pgdispatch.proxy.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import com.ongres.scram.common.util.TlsServerEndpoint;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The proxy's SCRAM server against the SCRAM client that pgjdbc and the Vert.x client use. */
class ScramServerExchangeTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MECHANISM = ScramServerExchange.MECHANISM;
    private static final ScramMechanism SHA_256 = ScramMechanism.SCRAM_SHA_256;
    /** Stand-ins for the tls-server-end-point data of two certificates: a SHA-256 hash each. */
    private static final byte[] PROXY_CERTIFICATE = new byte[32];
    private static final byte[] OTHER_CERTIFICATE = new byte[32];

    static {
        RANDOM.nextBytes(PROXY_CERTIFICATE);
        RANDOM.nextBytes(OTHER_CERTIFICATE);
    }

    @Test
    void bindsToTheProxysCertificateWithPlus() throws Exception {
        ScramVerifier verifier = verifierFor("pw", ScramFunctions.salt(16, RANDOM));
        ScramClient client = bindingClient("pw", PROXY_CERTIFICATE);

        ScramServerExchange.Result result = exchange(client, verifier, Optional.of(PROXY_CERTIFICATE));

        assertEquals(ScramServerExchange.MECHANISM_PLUS, client.getScramMechanism().getName());
        assertDoesNotThrow(() -> client.serverFinalMessage(result.serverFinal()));
    }

    @Test
    void refusesAClientThatSawAnotherCertificate() {
        ScramVerifier verifier = verifierFor("pw", ScramFunctions.salt(16, RANDOM));

        assertThrows(AuthenticationFailedException.class, () -> exchange(bindingClient("pw", OTHER_CERTIFICATE),
            verifier, Optional.of(PROXY_CERTIFICATE)), "a man in the middle with its own certificate");
    }

    @Test
    void offersPlusOnlyWithTlsAndRefusesDowngradesAndMismatches() {
        ScramVerifier verifier = verifierFor("pw", ScramFunctions.salt(16, RANDOM));
        ScramServerExchange withTls = new ScramServerExchange(verifier, RANDOM, Optional.of(PROXY_CERTIFICATE));
        ScramServerExchange withoutTls = new ScramServerExchange(verifier, RANDOM, Optional.empty());

        assertEquals(List.of(ScramServerExchange.MECHANISM_PLUS, ScramServerExchange.MECHANISM), withTls.mechanisms());
        assertEquals(List.of(ScramServerExchange.MECHANISM), withoutTls.mechanisms());
        assertDoesNotThrow(() -> new ScramServerExchange(verifier, RANDOM, Optional.empty())
            .serverFirst(ScramServerExchange.MECHANISM, "y,,n=,r=abc"), "y is right when nothing was offered");
        String[][] refused = {
            {ScramServerExchange.MECHANISM, "y,,n=,r=abc"},
            {ScramServerExchange.MECHANISM, "p=tls-server-end-point,,n=,r=abc"},
            {ScramServerExchange.MECHANISM_PLUS, "n,,n=,r=abc"},
            {ScramServerExchange.MECHANISM_PLUS, "p=tls-unique,,n=,r=abc"},
            {"SCRAM-SHA-1", "n,,n=,r=abc"},
        };
        for (String[] attempt : refused) {
            assertThrows(AuthenticationFailedException.class, () -> new ScramServerExchange(verifier, RANDOM,
                Optional.of(PROXY_CERTIFICATE)).serverFirst(attempt[0], attempt[1]), String.join(" ", attempt));
        }
        assertThrows(AuthenticationFailedException.class, () -> withoutTls.serverFirst(
            ScramServerExchange.MECHANISM_PLUS, "p=tls-server-end-point,,n=,r=abc"), "nothing to bind to");
    }

    @Test
    void acceptsTheRightPasswordAndRecoversTheClientKey() throws Exception {
        byte[] salt = ScramFunctions.salt(16, RANDOM);
        ScramVerifier verifier = verifierFor("correct horse", salt);
        ScramClient client = clientWithPassword("correct horse");

        ScramServerExchange.Result result = exchange(client, verifier);

        byte[] salted = ScramFunctions.saltedPassword(SHA_256, StringPreparation.SASL_PREPARATION,
            "correct horse".toCharArray(), salt, 4096);
        assertArrayEquals(ScramFunctions.clientKey(SHA_256, salted), result.clientKey());
        assertDoesNotThrow(() -> client.serverFinalMessage(result.serverFinal()));
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        ScramVerifier verifier = verifierFor("correct horse", ScramFunctions.salt(16, RANDOM));
        assertThrows(AuthenticationFailedException.class, () -> exchange(clientWithPassword("wrong"), verifier));
    }

    @Test
    void theRecoveredKeysLogInAgainstTheSameVerifier() throws Exception {
        ScramVerifier verifier = verifierFor("s3cret", ScramFunctions.salt(16, RANDOM));
        ScramServerExchange.Result first = exchange(clientWithPassword("s3cret"), verifier);

        ScramClient relogin = ScramClient.builder()
            .advertisedMechanisms(List.of(ScramServerExchange.MECHANISM))
            .username("*")
            .clientAndServerKey(first.clientKey(), first.serverKey())
            .build();

        ScramServerExchange.Result second = exchange(relogin, verifier);
        assertDoesNotThrow(() -> relogin.serverFinalMessage(second.serverFinal()));
    }

    @Test
    void acceptsTheEmptyUserNameThatPostgresClientsSend() throws Exception {
        ScramVerifier verifier = verifierFor("pw", ScramFunctions.salt(16, RANDOM));
        ScramServerExchange server = new ScramServerExchange(verifier, RANDOM, Optional.empty());

        String serverFirst = server.serverFirst(ScramServerExchange.MECHANISM, "n,,n=,r=rOprNGfwEbeRWgbNEkqO");

        assertTrue(serverFirst.startsWith("r=rOprNGfwEbeRWgbNEkqO"), serverFirst);
        assertTrue(serverFirst.endsWith(",s=" + verifier.saltBase64() + ",i=4096"), serverFirst);
    }

    @Test
    void refusesMalformedAndTamperedMessages() throws Exception {
        ScramVerifier verifier = verifierFor("pw", ScramFunctions.salt(16, RANDOM));
        assertThrows(AuthenticationFailedException.class,
            () -> new ScramServerExchange(verifier, RANDOM, Optional.empty()).serverFirst(MECHANISM, ""));
        for (String clientFirst : new String[] {"p=tls-server-end-point,,n=,r=abc", "n,a=admin,n=,r=abc",
            "n,,m=ext,n=,r=abc", "n,,n=,r=", "x,,n=,r=abc", "n,,n="}) {
            assertThrows(AuthenticationFailedException.class,
                () -> new ScramServerExchange(verifier, RANDOM, Optional.empty()).serverFirst(MECHANISM, clientFirst),
                clientFirst);
        }

        ScramClient client = clientWithPassword("pw");
        ScramServerExchange server = new ScramServerExchange(verifier, RANDOM, Optional.empty());
        client.serverFirstMessage(server.serverFirst(MECHANISM, client.clientFirstMessage().toString()));
        String clientFinal = client.clientFinalMessage().toString();
        String otherNonce = clientFinal.replaceFirst(",r=", ",r=x");
        assertThrows(AuthenticationFailedException.class, () -> server.clientFinal(otherNonce));
        assertThrows(AuthenticationFailedException.class, () -> server.clientFinal("c=biws,r=x"));
    }

    private static ScramServerExchange.Result exchange(ScramClient client, ScramVerifier verifier) throws Exception {
        return exchange(client, verifier, Optional.empty());
    }

    private static ScramServerExchange.Result exchange(ScramClient client, ScramVerifier verifier,
            Optional<byte[]> binding) throws Exception {
        ScramServerExchange server = new ScramServerExchange(verifier, RANDOM, binding);
        String serverFirst = server.serverFirst(client.getScramMechanism().getName(),
            client.clientFirstMessage().toString());
        client.serverFirstMessage(serverFirst);
        return server.clientFinal(client.clientFinalMessage().toString());
    }

    /** A client that offers binding to the certificate it received, as libpq with channel_binding=require. */
    private static ScramClient bindingClient(String password, byte[] certificate) {
        return ScramClient.builder()
            .advertisedMechanisms(List.of(ScramServerExchange.MECHANISM_PLUS, ScramServerExchange.MECHANISM))
            .username("*")
            .password(password.toCharArray())
            .channelBinding(TlsServerEndpoint.TLS_SERVER_END_POINT, certificate)
            .build();
    }

    private static ScramClient clientWithPassword(String password) {
        return ScramClient.builder()
            .advertisedMechanisms(List.of(ScramServerExchange.MECHANISM))
            .username("*")
            .password(password.toCharArray())
            .build();
    }

    static ScramVerifier verifierFor(String password, byte[] salt) {
        byte[] salted = ScramFunctions.saltedPassword(SHA_256, StringPreparation.SASL_PREPARATION,
            password.toCharArray(), salt, 4096);
        Base64.Encoder base64 = Base64.getEncoder();
        return ScramVerifier.parse("SCRAM-SHA-256$4096:" + base64.encodeToString(salt) + "$"
            + base64.encodeToString(ScramFunctions.storedKey(SHA_256, ScramFunctions.clientKey(SHA_256, salted)))
            + ":" + base64.encodeToString(ScramFunctions.serverKey(SHA_256, salted)));
    }
}
