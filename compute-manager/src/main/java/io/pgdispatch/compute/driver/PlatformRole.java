package io.pgdispatch.compute.driver;

import io.pgdispatch.contract.compute.v1.PlatformLogin;
import java.util.Arrays;
import java.util.Optional;

/**
 * The roles compute-manager makes in every compute besides the account's, for the proxy's sessions that have no
 * role password to log in with. Each logs in with a random password of its branch (compute.branch_secrets), which
 * the proxy gets only in answers to its internal EnsureCompute calls. Account roles cannot take names that start
 * with {@code dispatch_}.
 */
public enum PlatformRole {
    /** Anonymous sessions: reads every table; writes only in a one-off copy that its session alone uses. */
    ANONYMOUS("dispatch_anonymous"),
    /**
     * Sessions a person confirmed through a login link: a member (without inheriting) of every login role of the
     * account, it logs in with the chosen role set ({@code -c role=...}), so current_user is that role.
     */
    LINK("dispatch_link");

    private final String roleName;

    PlatformRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    /** The platform role of that name; empty for an account's role. */
    public static Optional<PlatformRole> named(String roleName) {
        return Arrays.stream(values()).filter(role -> role.roleName.equals(roleName)).findFirst();
    }

    /** The role a compute request asks the password of; empty for none. */
    public static Optional<PlatformRole> of(PlatformLogin login) {
        return switch (login) {
            case ANONYMOUS_LOGIN -> Optional.of(ANONYMOUS);
            case LINK_LOGIN -> Optional.of(LINK);
            case PLATFORM_LOGIN_NONE, UNRECOGNIZED -> Optional.empty();
        };
    }
}
