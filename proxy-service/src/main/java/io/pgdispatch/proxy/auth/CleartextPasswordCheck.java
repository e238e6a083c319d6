package io.pgdispatch.proxy.auth;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import java.security.MessageDigest;

/**
 * Checks a password sent in cleartext (the password form, for clients that can name their target no other way)
 * against the role's SCRAM-SHA-256 verifier, and yields the same keys a SCRAM exchange would, so that the proxy
 * logs in to the compute in the same way. The password is prepared as PostgreSQL prepares it (SASLprep, or the
 * raw bytes when it is not valid UTF-8 text for SASLprep).
 *
 * <p>The key derivation runs {@code iterations} rounds of PBKDF2: call it on a worker thread, never on an event
 * loop.
 */
public final class CleartextPasswordCheck {

    private static final ScramMechanism SHA_256 = ScramMechanism.SCRAM_SHA_256;

    private CleartextPasswordCheck() {
    }

    /** The keys for the compute login; {@link AuthenticationFailedException} when the password is wrong. */
    public static ScramServerExchange.Result check(ScramVerifier verifier, String password) {
        byte[] salted = ScramFunctions.saltedPassword(SHA_256, StringPreparation.POSTGRESQL_PREPARATION,
            password.toCharArray(), verifier.salt(), verifier.iterations());
        byte[] clientKey = ScramFunctions.clientKey(SHA_256, salted);
        if (!MessageDigest.isEqual(ScramFunctions.storedKey(SHA_256, clientKey), verifier.storedKey())) {
            throw new AuthenticationFailedException();
        }
        return new ScramServerExchange.Result(clientKey, verifier.serverKey(), "");
    }
}
