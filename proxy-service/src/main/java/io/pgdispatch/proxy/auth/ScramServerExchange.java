package io.pgdispatch.proxy.auth;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The server side of one SCRAM-SHA-256 or SCRAM-SHA-256-PLUS exchange (RFC 5802 section 5, RFC 7677), checked
 * against a stored verifier. On success it yields the client's ClientKey, recovered from its proof, with which the
 * proxy logs in to the compute as the same role; the password itself never reaches the proxy.
 *
 * <p>Channel binding is {@code tls-server-end-point} (RFC 5929 section 4.1, as in PostgreSQL): the hash of the
 * certificate this proxy presented in the TLS handshake, which the client computes from the certificate it received.
 * A man in the middle presents another certificate, so the binding data in client-final differ and the proof is
 * refused, even when the client was made to trust that certificate. A client that chose plain SCRAM-SHA-256 with
 * flag {@code y} ("I could bind, but the server cannot") while this server offered binding is refused too: that is a
 * downgrade (RFC 5802 section 6).
 *
 * <p>States: {@code new} takes client-first and answers server-first; then client-final is checked once, and the
 * exchange is over whatever the outcome. Any failure is an {@link AuthenticationFailedException} with no detail,
 * so that a wrong password, an unknown role and a malformed message look the same to the client.
 */
public final class ScramServerExchange {

    public static final String MECHANISM = "SCRAM-SHA-256";
    public static final String MECHANISM_PLUS = "SCRAM-SHA-256-PLUS";

    private static final ScramMechanism SHA_256 = ScramMechanism.SCRAM_SHA_256;
    /** 18 random bytes make a 24-character nonce, as PostgreSQL's own server nonce. */
    private static final int NONCE_BYTES = 18;
    private static final String PROOF_ATTRIBUTE = ",p=";

    private final ScramVerifier verifier;
    private final SecureRandom random;
    private final Optional<byte[]> channelBinding;
    private String clientFirstBare;
    private byte[] bindingData;
    private String serverFirst;
    private String gs2Header;
    private String nonce;

    /**
     * @param channelBinding the {@code tls-server-end-point} data of the connection, when it offers
     *     SCRAM-SHA-256-PLUS; empty without TLS or a certificate to bind to
     */
    public ScramServerExchange(ScramVerifier verifier, SecureRandom random, Optional<byte[]> channelBinding) {
        this.verifier = verifier;
        this.random = random;
        this.channelBinding = channelBinding;
    }

    /** The mechanisms to offer in AuthenticationSASL, the stronger first, as PostgreSQL lists them. */
    public List<String> mechanisms() {
        return channelBinding.isPresent() ? List.of(MECHANISM_PLUS, MECHANISM) : List.of(MECHANISM);
    }

    /**
     * Reads client-first for the mechanism the client chose and returns server-first (nonce, salt and iteration
     * count).
     */
    public String serverFirst(String mechanism, String clientFirstMessage) {
        ClientFirstMessage clientFirst = ClientFirstMessage.parse(clientFirstMessage);
        bindingData = agreedBinding(mechanism, clientFirst.channelBindingFlag());
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
        String expectedPrefix = "c=" + channelBindingAttribute() + ",r=" + nonce;
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

    /**
     * The binding data client-final must carry: the connection's for PLUS, none otherwise. Any other combination of
     * mechanism and flag is refused, among them the downgrade of a client that could bind.
     */
    private byte[] agreedBinding(String mechanism, char flag) {
        boolean plus = mechanism.equals(MECHANISM_PLUS);
        if (plus && flag == ClientFirstMessage.BINDING && channelBinding.isPresent()) {
            return channelBinding.get();
        }
        boolean plain = mechanism.equals(MECHANISM);
        if (plain && (flag == ClientFirstMessage.NO_BINDING
                || flag == ClientFirstMessage.BINDING_NOT_OFFERED && channelBinding.isEmpty())) {
            return new byte[0];
        }
        throw new AuthenticationFailedException();
    }

    /** RFC 5802 section 7: {@code c=} is the base64 of the gs2 header followed by the channel binding data. */
    private String channelBindingAttribute() {
        byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
        byte[] input = Arrays.copyOf(header, header.length + bindingData.length);
        System.arraycopy(bindingData, 0, input, header.length, bindingData.length);
        return Base64.getEncoder().encodeToString(input);
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
