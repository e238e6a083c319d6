package io.pgdispatch.auth.role;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a new role must look like. Names are kept to what needs no quoting in SQL (a lowercase identifier of at
 * most 63 bytes, NAMEDATALEN - 1) and leave PostgreSQL's own roles alone: "pg_" is reserved for built-in roles,
 * and CREATE ROLE refuses "public", "none" and the current_user family. "dispatch_" names the roles the platform
 * makes on computes itself, and "anonymous" is the user name of anonymous sessions.
 */
final class RoleRules {

    static final int MIN_PASSWORD_LENGTH = 8;

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Set<String> RESERVED = Set.of(
        "postgres", "public", "none", "current_user", "current_role", "session_user", "anonymous");

    private RoleRules() {
    }

    /** Why a role of this name and password cannot be created, or empty when it can. */
    static Optional<String> problem(String name, String password) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.of("role name must be 1 to 63 characters of a-z, 0-9 and _, not starting with a digit");
        }
        if (RESERVED.contains(name) || name.startsWith("pg_") || name.startsWith("dispatch_")) {
            return Optional.of("role name \"" + name + "\" is reserved by PostgreSQL or the platform: choose another"
                + " name");
        }
        return passwordProblem(password);
    }

    /** Why a password cannot be given to a role, or empty when it can. */
    static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        return Optional.empty();
    }
}
