package io.pgdispatch.router.cluster;

import java.util.Arrays;

/**
 * Whether a cluster serves anonymous sessions, and how: read-only on the branch's read replica, or each in a sandbox
 * of its own (a one-off writable copy of the branch, discarded at the end of the session). Anonymous sessions have
 * their own connection limit and start with their own statement timeout.
 */
public record AnonymousAccess(Mode mode, int connectionLimit, int statementTimeoutMillis) {

    public static final AnonymousAccess OFF = new AnonymousAccess(Mode.OFF, 20, 30_000);
    private static final int MAX_CONNECTIONS = 10_000;
    private static final int MIN_TIMEOUT_MILLIS = 100;
    private static final int MAX_TIMEOUT_MILLIS = 3_600_000;

    public enum Mode {
        OFF("off"), READ_ONLY("read-only"), SANDBOX("sandbox");

        private final String text;

        Mode(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public static Mode of(String text) {
            return Arrays.stream(values()).filter(mode -> mode.text.equals(text)).findFirst()
                .orElseThrow(() -> new InvalidClusterSettingsException("anonymous \"access\" must be \"off\","
                    + " \"read-only\" or \"sandbox\""));
        }
    }

    /** Fails with {@link InvalidClusterSettingsException}; a missing limit or timeout takes the default. */
    public static AnonymousAccess of(String mode, Integer connectionLimit, Integer statementTimeoutMillis) {
        int limit = connectionLimit == null ? OFF.connectionLimit : connectionLimit;
        int timeout = statementTimeoutMillis == null ? OFF.statementTimeoutMillis : statementTimeoutMillis;
        if (limit < 1 || limit > MAX_CONNECTIONS) {
            throw new InvalidClusterSettingsException("anonymous \"connectionLimit\" must be 1 to " + MAX_CONNECTIONS);
        }
        if (timeout < MIN_TIMEOUT_MILLIS || timeout > MAX_TIMEOUT_MILLIS) {
            throw new InvalidClusterSettingsException("anonymous \"statementTimeoutMs\" must be " + MIN_TIMEOUT_MILLIS
                + " to " + MAX_TIMEOUT_MILLIS);
        }
        return new AnonymousAccess(Mode.of(mode), limit, timeout);
    }
}
