package io.pgdispatch.proxy.auth;

import com.ongres.scram.common.util.TlsServerEndpoint;

/**
 * SCRAM's client-first-message (RFC 5802 section 7): {@code gs2-header client-first-message-bare}, where the
 * header is the channel binding flag and an authorization identity, and the bare part holds the user name and the
 * client nonce. PostgreSQL clients leave the user name empty ({@code n=}) because the startup packet carries it,
 * which general SCRAM parsers refuse; so this one follows PostgreSQL's own reading (auth-scram.c).
 *
 * @param channelBindingFlag {@link #NO_BINDING}, {@link #BINDING_NOT_OFFERED} or {@link #BINDING}
 * @param gs2Header the header as sent, both commas included, for the channel binding check in client-final
 * @param bare the rest, as sent, which is part of the AuthMessage
 */
record ClientFirstMessage(char channelBindingFlag, String gs2Header, String bare, String nonce) {

    /** The client does not support channel binding. */
    static final char NO_BINDING = 'n';
    /** The client supports channel binding but thinks the server does not. */
    static final char BINDING_NOT_OFFERED = 'y';
    /** The client binds to the channel, with the one type PostgreSQL defines: {@code p=tls-server-end-point}. */
    static final char BINDING = 'p';
    private static final String BINDING_FLAG = "p=" + TlsServerEndpoint.TLS_SERVER_END_POINT;

    /** Parses the message; any deviation is an {@link AuthenticationFailedException}, reported without detail. */
    static ClientFirstMessage parse(String message) {
        String[] parts = message.split(",", -1);
        if (parts.length < 4) {
            throw new AuthenticationFailedException();
        }
        String flag = parts[0];
        if (!flag.equals(String.valueOf(NO_BINDING)) && !flag.equals(String.valueOf(BINDING_NOT_OFFERED))
                && !flag.equals(BINDING_FLAG)) {
            // Another channel binding type, such as tls-unique, which TLS 1.3 does not have.
            throw new AuthenticationFailedException();
        }
        if (!parts[1].isEmpty() || !parts[2].startsWith("n=") || !parts[3].startsWith("r=")) {
            // An authorization identity or a mandatory extension ("m=") is not supported, as in PostgreSQL.
            throw new AuthenticationFailedException();
        }
        String nonce = parts[3].substring(2);
        if (nonce.isEmpty() || !nonce.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw new AuthenticationFailedException();
        }
        int bareStart = flag.length() + 2;
        return new ClientFirstMessage(flag.charAt(0), message.substring(0, bareStart), message.substring(bareStart),
            nonce);
    }
}
