package io.pgdispatch.contract.target;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for the names and ids that appear in host names and routing options: cluster ids, branch names
 * and endpoint ids. Each must be usable as one DNS label (RFC 1035 section 2.3.1), so lowercase letters,
 * digits and inner hyphens, starting with a letter, at most 63 characters.
 */
public final class ResourceName {

    public static final int MAX_LENGTH = 63;

    private static final Pattern LABEL = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");

    private ResourceName() {
    }

    /** Returns why {@code value} is not a valid name, or empty when it is one. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("is empty");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("is " + value.length() + " characters long, more than " + MAX_LENGTH);
        }
        if (!LABEL.matcher(value).matches()) {
            return Optional.of("must start with a letter and hold only lowercase letters, digits and inner hyphens");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }
}
