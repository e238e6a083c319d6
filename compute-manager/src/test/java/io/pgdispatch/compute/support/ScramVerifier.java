package io.pgdispatch.compute.support;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import java.security.SecureRandom;
import java.util.Base64;

/** Makes a verifier from a password the way auth-service does, in PostgreSQL's pg_authid format. */
public final class ScramVerifier {

    private static final int ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramVerifier() {
    }

    public static String of(String password) {
        ScramMechanism mechanism = ScramMechanism.SCRAM_SHA_256;
        byte[] salt = ScramFunctions.salt(16, RANDOM);
        byte[] salted = ScramFunctions.saltedPassword(mechanism, StringPreparation.POSTGRESQL_PREPARATION,
            password.toCharArray(), salt, ITERATIONS);
        byte[] storedKey = ScramFunctions.storedKey(mechanism, ScramFunctions.clientKey(mechanism, salted));
        byte[] serverKey = ScramFunctions.serverKey(mechanism, salted);
        Base64.Encoder base64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + ITERATIONS + ":" + base64.encodeToString(salt) + "$"
            + base64.encodeToString(storedKey) + ":" + base64.encodeToString(serverKey);
    }
}
