package io.pgdispatch.proxy.routing;

import java.time.Duration;

/**
 * Whether a target serves anonymous sessions (user name {@value #USER}, no password), and how: read-only on the
 * branch's read replica, or each in a sandbox of its own (a one-off writable copy). Anonymous sessions log in to
 * the compute as {@value #COMPUTE_ROLE}, with a secret of the branch that compute-manager hands over for each one.
 *
 * @param endpointOwn whether the setting is the endpoint's own rather than its cluster's, which decides whose
 *     connection limit a session counts towards
 */
public record AnonymousAccess(Mode mode, int connectionLimit, Duration statementTimeout, boolean endpointOwn) {

    /** The user name a client gives for an anonymous session. */
    public static final String USER = "anonymous";
    /** The unprivileged role anonymous sessions run as on the compute. */
    public static final String COMPUTE_ROLE = "dispatch_anonymous";
    public static final AnonymousAccess OFF = new AnonymousAccess(Mode.OFF, 0, Duration.ZERO, false);

    public enum Mode {
        OFF, READ_ONLY, SANDBOX
    }
}
