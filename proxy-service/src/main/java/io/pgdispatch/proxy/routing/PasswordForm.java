package io.pgdispatch.proxy.routing;

import io.pgdispatch.contract.target.ResourceName;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;

/**
 * The password form of naming a target, for clients that can send neither a TLS server name nor an
 * {@code options} parameter: the password is {@code endpoint=<endpoint-id>;<password>}. The proxy asks for such a
 * password in cleartext only when nothing else named a target, and only ever over TLS.
 *
 * @param password the role's password, which follows the first semicolon and may contain any character
 */
public record PasswordForm(String endpointId, String password) {

    private static final String PREFIX = "endpoint=";

    /** Splits the password the client sent; a password without the endpoint prefix names no target. */
    public static PasswordForm parse(String sent, String domain) {
        int semicolon = sent.indexOf(';');
        if (!sent.startsWith(PREFIX) || semicolon < 0) {
            throw noTarget(domain);
        }
        String endpoint = sent.substring(PREFIX.length(), semicolon);
        ResourceName.problem(endpoint).ifPresent(problem -> {
            throw new ProtocolException(SqlState.INVALID_CATALOG_NAME,
                "endpoint id \"" + endpoint + "\" in the password " + problem);
        });
        return new PasswordForm(endpoint, sent.substring(semicolon + 1));
    }

    /** The error for a connection that names no target anywhere: it lists every way of naming one. */
    public static ProtocolException noTarget(String domain) {
        return new ProtocolException(SqlState.INVALID_CATALOG_NAME, "the connection names no cluster or endpoint:"
            + " connect with host=<cluster-id>.db." + domain + " or host=<endpoint-id>.endpoint." + domain
            + " (sent as the TLS server name); or, when the client cannot send a server name, add"
            + " options=endpoint=<endpoint-id> (or cluster=<cluster-id>); or, when it cannot send options either,"
            + " give the password as endpoint=<endpoint-id>;<password>, or connect to the endpoint's dedicated"
            + " address");
    }

    @Override
    public String toString() {
        return "PasswordForm[endpoint=" + endpointId + ", password hidden]";
    }
}
