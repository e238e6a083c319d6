package io.pgdispatch.router.store;

import java.security.SecureRandom;

/**
 * Random ids that are valid {@link io.pgdispatch.contract.target.ResourceName}s: a letter prefix (a DNS label must
 * start with a letter, and the prefix tells a reader what the id names) and lowercase RFC 4648 base32 characters,
 * so that they read well in a host name such as {@code c3kq7zm2xa4f.db.localtest.me}.
 */
final class RandomIds {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    /** "c" and 11 characters: 55 random bits. */
    static String clusterId() {
        return "c" + randomChars(11);
    }

    /** "br" and 10 characters: 50 random bits. */
    static String branchId() {
        return "br" + randomChars(10);
    }

    /** "ep-" and 12 characters: 60 random bits, unique across all accounts, as endpoint host names are. */
    static String endpointId() {
        return "ep-" + randomChars(12);
    }

    private static String randomChars(int count) {
        StringBuilder id = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return id.toString();
    }
}
