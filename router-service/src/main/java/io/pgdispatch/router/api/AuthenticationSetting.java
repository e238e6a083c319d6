package io.pgdispatch.router.api;

import io.pgdispatch.router.cluster.ComputeAuthentication;
import io.pgdispatch.router.cluster.InvalidClusterSettingsException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who authenticates a cluster's connections, as the management API reads and writes it. */
@Schema(description = "Who authenticates the cluster's connections: \"proxy\" (SCRAM-SHA-256 against the roles'"
    + " passwords, the default) or \"passthrough\" (the cluster's computes, with the pg_hba.conf method and options"
    + " given here; the proxy relays the authentication messages unchanged)")
public record AuthenticationSetting(
    @Schema(enumeration = {"proxy", "passthrough"}) String mode,
    @Schema(description = "With passthrough: password, md5, scram-sha-256, ldap or radius", examples = "ldap")
    String method,
    @Schema(description = "With passthrough: the method's options as pg_hba.conf takes them",
        examples = "ldapserver=ldap.example.com ldapprefix=\"uid=\" ldapsuffix=\",ou=people,dc=example,dc=com\"")
    String options) {

    static final String PROXY = "proxy";
    static final String PASSTHROUGH = "passthrough";

    static AuthenticationSetting of(Optional<ComputeAuthentication> passthrough) {
        return passthrough.map(auth -> new AuthenticationSetting(PASSTHROUGH, auth.method(), auth.options()))
            .orElse(new AuthenticationSetting(PROXY, null, null));
    }

    /** The compute authentication this setting asks for; fails with {@link InvalidClusterSettingsException}. */
    Optional<ComputeAuthentication> passthrough() {
        if (PROXY.equals(mode)) {
            if (method != null || options != null) {
                throw new InvalidClusterSettingsException("\"method\" and \"options\" go with mode \"passthrough\"");
            }
            return Optional.empty();
        }
        if (PASSTHROUGH.equals(mode)) {
            return Optional.of(ComputeAuthentication.of(method, options));
        }
        throw new InvalidClusterSettingsException("authentication \"mode\" must be \"proxy\" or \"passthrough\"");
    }
}
