package io.pgdispatch.proxy.auth;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 section 5, RFC 7677), checked against a stored
 * verifier. On success it yields the client's ClientKey, recovered from its proof, with which the proxy logs in to
 * the compute as the same role; the password itself never reaches the proxy.
 *
 * <p>States: {@code new} takes client-first and answers server-first; then client-final is checked once, and the
 * exchange is over whatever the outcome. Any failure is an {@link AuthenticationFailedException} with no detail,
 * so that a wrong password, an unknown role and a malformed message look the same to the client.
 */
public final class ScramServerExchange {

    public static final String MECHANISM = "SCRAM-SHA-256";

    private static final ScramMechanism SHA_256 = ScramMechanism.SCRAM_SHA_256;
    /** 18 random bytes make a 24-character nonce, as PostgreSQL's own server nonce. */
    private static final int NONCE_BYTES = 18;
    private static final String PROOF_ATTRIBUTE = ",p=";

    private final ScramVerifier verifier;
    private final SecureRandom random;
    private String clientFirstBare;
    private String serverFirst;
    private String gs2Header;
    private String nonce;

    public ScramServerExchange(ScramVerifier verifier, SecureRandom random) {
        this.verifier = verifier;
        this.random = random;
    }

    /** Reads client-first and returns server-first (nonce, salt and iteration count). */
    public String serverFirst(String clientFirstMessage) {
        ClientFirstMessage clientFirst = ClientFirstMessage.parse(clientFirstMessage);
        gs2Header = clientFirst.gs2Header();
        clientFirstBare = clientFirst.bare();
        byte[] serverNonce = new byte[NONCE_BYTES];
        random.nextBytes(serverNonce);
        nonce = clientFirst.nonce() + Base64.getEncoder().encodeToString(serverNonce);
        serverFirst = "r=" + nonce + ",s=" + verifier.saltBase64() + ",i=" + verifier.iterations();
        return serverFirst;
    }

    /** Checks client-final against the verifier; returns the ClientKey and server-final on success. */
    public Result clientFinal(String clientFinalMessage) {
        int proofStart = clientFinalMessage.lastIndexOf(PROOF_ATTRIBUTE);
        if (serverFirst == null || proofStart < 0) {
            throw new AuthenticationFailedException();
        }
        String withoutProof = clientFinalMessage.substring(0, proofStart);
        String expectedPrefix = "c=" + base64(gs2Header) + ",r=" + nonce;
        if (!withoutProof.equals(expectedPrefix) && !withoutProof.startsWith(expectedPrefix + ",")) {
            throw new AuthenticationFailedException();
        }
        byte[] proof = decodeProof(clientFinalMessage.substring(proofStart + PROOF_ATTRIBUTE.length()));
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientSignature = ScramFunctions.clientSignature(SHA_256, verifier.storedKey(), authMessage);
        byte[] clientKey = ScramFunctions.clientProof(proof, clientSignature);
        if (!MessageDigest.isEqual(ScramFunctions.hash(SHA_256, clientKey), verifier.storedKey())) {
            throw new AuthenticationFailedException();
        }
        byte[] serverSignature = ScramFunctions.serverSignature(SHA_256, verifier.serverKey(), authMessage);
        return new Result(clientKey, verifier.serverKey(), "v=" + Base64.getEncoder().encodeToString(serverSignature));
    }

    private static byte[] decodeProof(String text) {
        try {
            byte[] proof = Base64.getDecoder().decode(text);
            if (proof.length != 32) {
                throw new AuthenticationFailedException();
            }
            return proof;
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException();
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What a successful exchange yields. The keys let the proxy log in to a compute that holds the same
     * verifier; they live only until that login is done.
     */
    public record Result(byte[] clientKey, byte[] serverKey, String serverFinal) {

        @Override
        public String toString() {
            return "Result[keys hidden]";
        }
    }
}
