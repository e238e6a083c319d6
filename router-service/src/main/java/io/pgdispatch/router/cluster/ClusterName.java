package io.pgdispatch.router.cluster;

/** The rule for a cluster's display name: what a user reads in listings, never part of an address. */
public final class ClusterName {

    public static final int MAX_LENGTH = 64;

    private ClusterName() {
    }

    /** Returns the name unchanged, or throws when it is empty, too long or holds control characters. */
    public static String requireValid(String name) {
        if (name == null || name.isBlank()
                || name.codePointCount(0, name.length()) > MAX_LENGTH
                || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidClusterNameException();
        }
        return name;
    }
}
