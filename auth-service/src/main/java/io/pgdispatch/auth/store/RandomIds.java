package io.pgdispatch.auth.store;

import java.security.SecureRandom;

/**
 * Short random ids such as {@code a7kq2mxw4pzr}: a letter naming the kind of object, then 11 characters of
 * lowercase base32 (RFC 4648 section 6), 55 random bits. Every id is a valid
 * {@link io.pgdispatch.contract.target.ResourceName}, so it can stand in a host name.
 */
public final class RandomIds {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int RANDOM_CHARACTERS = 11;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    /** A new id starting with {@code kind}, which must be a lowercase letter. */
    public static String next(char kind) {
        StringBuilder id = new StringBuilder(1 + RANDOM_CHARACTERS).append(kind);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return id.toString();
    }
}
