package io.pgdispatch.compute.driver;

import java.util.Optional;
import java.util.Set;

/**
 * The pg_hba.conf method, with its options, by which a compute authenticates every role's connections from the
 * proxy. The default is scram-sha-256 against the verifiers compute-manager applies, which the proxy answers with
 * the ClientKey of the client's proof; a cluster with passthrough authentication chooses another (ldap, for one),
 * which its clients answer themselves through the proxy.
 */
public record HostAuthentication(String method, String options) {

    public static final HostAuthentication DEFAULT = new HostAuthentication("scram-sha-256", "");
    private static final Set<String> METHODS = Set.of("password", "md5", "scram-sha-256", "ldap", "radius");

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** Why a compute cannot take the method and options, or empty: they go on one line of pg_hba.conf. */
    public static Optional<String> problem(String method, String options) {
        if (!METHODS.contains(method)) {
            return Optional.of("authentication.method: \"" + method + "\" is not one of "
                + String.join(", ", METHODS.stream().sorted().toList()));
        }
        if (options.chars().anyMatch(c -> c == '#' || Character.isISOControl(c))) {
            return Optional.of("authentication.options: must be one line without '#'");
        }
        return Optional.empty();
    }
}
