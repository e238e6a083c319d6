package io.pgdispatch.proxy.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CleartextPasswordCheckTest {

    private static final ScramMechanism SHA_256 = ScramMechanism.SCRAM_SHA_256;
    private static final byte[] SALT = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theRightPasswordYieldsTheKeysAScramExchangeWould() {
        byte[] salted = ScramFunctions.saltedPassword(SHA_256, StringPreparation.POSTGRESQL_PREPARATION,
            "correct horse".toCharArray(), SALT, 4096);
        byte[] clientKey = ScramFunctions.clientKey(SHA_256, salted);
        byte[] serverKey = ScramFunctions.serverKey(SHA_256, salted);
        ScramVerifier verifier = new ScramVerifier(4096, SALT, ScramFunctions.storedKey(SHA_256, clientKey),
            serverKey);

        ScramServerExchange.Result keys = CleartextPasswordCheck.check(verifier, "correct horse");

        assertArrayEquals(clientKey, keys.clientKey());
        assertArrayEquals(serverKey, keys.serverKey());
    }

    @Test
    void aWrongPasswordFailsLikeAnyOtherAuthenticationFailure() {
        byte[] salted = ScramFunctions.saltedPassword(SHA_256, StringPreparation.POSTGRESQL_PREPARATION,
            "correct horse".toCharArray(), SALT, 4096);
        ScramVerifier verifier = new ScramVerifier(4096, SALT,
            ScramFunctions.storedKey(SHA_256, ScramFunctions.clientKey(SHA_256, salted)),
            ScramFunctions.serverKey(SHA_256, salted));

        assertThrows(AuthenticationFailedException.class, () -> CleartextPasswordCheck.check(verifier, "battery"));
    }
}
