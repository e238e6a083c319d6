package io.pgdispatch.router.cluster;

import java.util.Set;

/**
 * How the computes of a cluster with passthrough authentication check their clients: one pg_hba.conf method with its
 * options, for every role's connections from the proxy. The proxy then relays the authentication messages between
 * client and compute unchanged.
 *
 * <p>The methods are those that need nothing but the connection itself and the options: GSSAPI and SSPI would need
 * a keytab on the compute, cert a TLS connection from the client to the compute, which the proxy ends. The options
 * go to one line of pg_hba.conf, so a line break or a comment sign, which would add or cut a rule, is refused.
 */
public record ComputeAuthentication(String method, String options) {

    public static final Set<String> METHODS = Set.of("password", "md5", "scram-sha-256", "ldap", "radius");
    private static final int MAX_OPTIONS_LENGTH = 2000;

    /** Fails with {@link InvalidClusterSettingsException} for a method or options a compute cannot take. */
    public static ComputeAuthentication of(String method, String options) {
        String given = options == null ? "" : options.strip();
        if (method == null || !METHODS.contains(method)) {
            throw new InvalidClusterSettingsException("passthrough authentication needs \"method\", one of "
                + String.join(", ", METHODS.stream().sorted().toList()) + (method == null ? "" : "; got "
                + Quoted.of(method)));
        }
        if (given.length() > MAX_OPTIONS_LENGTH || given.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '#'
                || Character.isISOControl(c))) {
            throw new InvalidClusterSettingsException("\"options\" must be at most " + MAX_OPTIONS_LENGTH
                + " characters on one line, without '#': name=value pairs as pg_hba.conf takes them");
        }
        if ((method.equals("ldap") || method.equals("radius")) && given.isEmpty()) {
            throw new InvalidClusterSettingsException("method " + method + " needs \"options\" naming its server,"
                + " such as " + (method.equals("ldap") ? "ldapserver=ldap.example.com ldapprefix=\"uid=\""
                    + " ldapsuffix=\",ou=people,dc=example,dc=com\"" : "radiusservers=radius.example.com"
                    + " radiussecrets=..."));
        }
        return new ComputeAuthentication(method, given);
    }
}
