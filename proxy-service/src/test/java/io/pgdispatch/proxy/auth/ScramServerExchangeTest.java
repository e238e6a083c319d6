package io.pgdispatch.proxy.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proxy's SCRAM server against the SCRAM client that pgjdbc and the Vert.x client use. */
class ScramServerExchangeTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ScramMechanism SHA_256 = ScramMechanism.SCRAM_SHA_256;

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
        ScramServerExchange server = new ScramServerExchange(verifier, RANDOM);

        String serverFirst = server.serverFirst("n,,n=,r=rOprNGfwEbeRWgbNEkqO");

        assertTrue(serverFirst.startsWith("r=rOprNGfwEbeRWgbNEkqO"), serverFirst);
        assertTrue(serverFirst.endsWith(",s=" + verifier.saltBase64() + ",i=4096"), serverFirst);
    }

    @Test
    void refusesMalformedAndTamperedMessages() throws Exception {
        ScramVerifier verifier = verifierFor("pw", ScramFunctions.salt(16, RANDOM));
        assertThrows(AuthenticationFailedException.class,
            () -> new ScramServerExchange(verifier, RANDOM).serverFirst(""));
        for (String clientFirst : new String[] {"p=tls-server-end-point,,n=,r=abc", "n,a=admin,n=,r=abc",
            "n,,m=ext,n=,r=abc", "n,,n=,r=", "x,,n=,r=abc", "n,,n="}) {
            assertThrows(AuthenticationFailedException.class,
                () -> new ScramServerExchange(verifier, RANDOM).serverFirst(clientFirst), clientFirst);
        }

        ScramClient client = clientWithPassword("pw");
        ScramServerExchange server = new ScramServerExchange(verifier, RANDOM);
        client.serverFirstMessage(server.serverFirst(client.clientFirstMessage().toString()));
        String clientFinal = client.clientFinalMessage().toString();
        String otherNonce = clientFinal.replaceFirst(",r=", ",r=x");
        assertThrows(AuthenticationFailedException.class, () -> server.clientFinal(otherNonce));
        assertThrows(AuthenticationFailedException.class, () -> server.clientFinal("c=biws,r=x"));
    }

    private static ScramServerExchange.Result exchange(ScramClient client, ScramVerifier verifier) throws Exception {
        ScramServerExchange server = new ScramServerExchange(verifier, RANDOM);
        String serverFirst = server.serverFirst(client.clientFirstMessage().toString());
        client.serverFirstMessage(serverFirst);
        return server.clientFinal(client.clientFinalMessage().toString());
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
