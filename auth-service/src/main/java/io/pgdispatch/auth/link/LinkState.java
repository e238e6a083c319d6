package io.pgdispatch.auth.link;

/** Where a link session stands; {@link #EXPIRED} is never stored, it is a pending session past its expiry. */
public enum LinkState {
    PENDING, CONFIRMED, CANCELLED, ABANDONED, EXPIRED;

    /** The value of column auth.link_sessions.state. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LinkState ofText(String text) {
        return valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
}
