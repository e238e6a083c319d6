package io.pgdispatch.proxy.auth;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A role's stored SCRAM-SHA-256 secret, in the form PostgreSQL keeps in pg_authid:
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, all binary parts in base64. It lets the
 * proxy check a client's proof without knowing the password (RFC 5802 section 3).
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {

    private static final Pattern FORMAT = Pattern.compile(
        "SCRAM-SHA-256\\$(\\d{1,9}):([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)");
    /** SHA-256 output length: StoredKey and ServerKey are each one digest. */
    private static final int KEY_LENGTH = 32;

    public static ScramVerifier parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        ScramVerifier verifier = new ScramVerifier(Integer.parseInt(matcher.group(1)),
            base64.decode(matcher.group(2)), base64.decode(matcher.group(3)), base64.decode(matcher.group(4)));
        if (verifier.iterations < 1 || verifier.storedKey.length != KEY_LENGTH
            || verifier.serverKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("SCRAM-SHA-256 verifier with invalid iterations or key length");
        }
        return verifier;
    }

    public String saltBase64() {
        return Base64.getEncoder().encodeToString(salt);
    }

    @Override
    public String toString() {
        return "ScramVerifier[iterations=" + iterations + "]";
    }
}
