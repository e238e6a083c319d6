package io.pgdispatch.contract.scram;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Turns a password into the SCRAM-SHA-256 verifier that PostgreSQL stores in pg_authid.rolpassword:
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, each value in standard base64
 * (PostgreSQL's scram_build_secret in src/common/scram-common.c; keys as in RFC 5802 section 3). Given the
 * verifier as a password, ALTER ROLE stores it unchanged, which is how computes get the same one. auth-service
 * makes the verifiers of the account's roles with it, compute-manager those of the roles it makes on computes.
 *
 * <p>Passwords are normalised with SASLprep (RFC 4013) and, like PostgreSQL's pg_saslprep, used as they are
 * when SASLprep refuses them. This costs 4096 rounds of PBKDF2: never call it on an event loop.
 */
public final class ScramVerifier {

    /** PostgreSQL's default scram_iterations, and the only count before PostgreSQL 16. */
    public static final int ITERATIONS = 4096;

    /** SCRAM_DEFAULT_SALT_LEN in PostgreSQL's src/include/common/scram-common.h. */
    public static final int SALT_LENGTH = 16;

    private static final ScramMechanism MECHANISM = ScramMechanism.SCRAM_SHA_256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramVerifier() {
    }

    /** A verifier for {@code password} with a fresh random salt. */
    public static String of(String password) {
        return of(password, ScramFunctions.salt(SALT_LENGTH, RANDOM));
    }

    public static String of(String password, byte[] salt) {
        byte[] saltedPassword = ScramFunctions.saltedPassword(
            MECHANISM, StringPreparation.POSTGRESQL_PREPARATION, password.toCharArray(), salt, ITERATIONS);
        byte[] storedKey = ScramFunctions.storedKey(MECHANISM, ScramFunctions.clientKey(MECHANISM, saltedPassword));
        byte[] serverKey = ScramFunctions.serverKey(MECHANISM, saltedPassword);

        Base64.Encoder base64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + ITERATIONS + ":" + base64.encodeToString(salt)
            + "$" + base64.encodeToString(storedKey) + ":" + base64.encodeToString(serverKey);
    }
}
