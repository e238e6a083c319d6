package io.pgdispatch.compute.driver.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.PlatformRole;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cluster's {@code spec.managed.roles} (CloudNativePG, "Database Role Management"): the account's login roles,
 * then the platform roles. The list is written whole, so each change starts from the list the Cluster declares and
 * keeps the half it does not change. As on the local driver, {@code dispatch_anonymous} reads every
 * table ({@code pg_read_all_data}) and {@code dispatch_link} is a member of each account role without inheriting
 * from it; the operator grants and revokes memberships to match {@code inRoles}.
 *
 * <p>Each role logs in with the SCRAM verifier held in its password Secret, named here by the Secret's name.
 */
final class ManagedRoles {

    private static final String READ_ALL_DATA = "pg_read_all_data";

    private static final String WRITE_ALL_DATA = "pg_write_all_data";

    private final Map<String, String> accountSecrets;
    private final Map<PlatformRole, String> platformSecrets;
    private final boolean writableCopy;

    private ManagedRoles(Map<String, String> accountSecrets, Map<PlatformRole, String> platformSecrets,
            boolean writableCopy) {
        this.accountSecrets = accountSecrets;
        this.platformSecrets = platformSecrets;
        this.writableCopy = writableCopy;
    }

    /**
     * The roles the Cluster declares now; none for a Cluster that declares none. Fails on a role without a password
     * Secret, which pg-dispatch did not declare.
     */
    static ManagedRoles declaredBy(GenericKubernetesResource cluster) {
        List<Map<String, Object>> declared = cluster.get("spec", "managed", "roles");
        Map<String, String> account = new LinkedHashMap<>();
        Map<PlatformRole, String> platform = new EnumMap<>(PlatformRole.class);
        for (Map<String, Object> role : declared == null ? List.<Map<String, Object>>of() : declared) {
            String name = (String) role.get("name");
            if (!(role.get("passwordSecret") instanceof Map<?, ?> passwordSecret
                    && passwordSecret.get("name") instanceof String secret)) {
                throw new ComputeDriverException("Cluster " + cluster.getMetadata().getName() + " declares role \""
                    + name + "\" without a password Secret: pg-dispatch declares the roles of its Clusters itself,"
                    + " so remove it from spec.managed.roles and manage it through the API");
            }
            PlatformRole.named(name).ifPresentOrElse(found -> platform.put(found, secret),
                () -> account.put(name, secret));
        }
        return new ManagedRoles(account, platform, false);
    }

    /** These roles as the account's, in their order, with their Secrets; account roles not among them go. */
    ManagedRoles withAccountRoles(Map<String, String> secrets) {
        return new ManagedRoles(new LinkedHashMap<>(secrets), platformSecrets, writableCopy);
    }

    /**
     * The platform roles with these Secrets; in a one-off copy, which its session alone uses, {@code
     * dispatch_anonymous} may also write ({@code pg_write_all_data}).
     */
    ManagedRoles withPlatformRoles(Map<PlatformRole, String> secrets, boolean inWritableCopy) {
        Map<PlatformRole, String> platform = new EnumMap<>(PlatformRole.class);
        platform.putAll(secrets);
        return new ManagedRoles(accountSecrets, platform, inWritableCopy);
    }

    boolean isEmpty() {
        return accountSecrets.isEmpty() && platformSecrets.isEmpty();
    }

    /** Every declared role's name with the name of its password Secret. */
    Map<String, String> passwordSecrets() {
        Map<String, String> secrets = new LinkedHashMap<>(accountSecrets);
        platformSecrets.forEach((role, secret) -> secrets.put(role.roleName(), secret));
        return secrets;
    }

    /** The list for {@code spec.managed.roles}. */
    List<Map<String, Object>> declaration() {
        List<Map<String, Object>> roles = new ArrayList<>();
        accountSecrets.forEach((name, secret) -> {
            Map<String, Object> role = declared(name, secret);
            role.put("createdb", true);
            roles.add(role);
        });
        platformSecrets.forEach((platform, secret) -> {
            Map<String, Object> role = declared(platform.roleName(), secret);
            role.put("createdb", false);
            switch (platform) {
                case ANONYMOUS -> role.put("inRoles", writableCopy ? List.of(READ_ALL_DATA, WRITE_ALL_DATA)
                    : List.of(READ_ALL_DATA));
                case LINK -> {
                    role.put("inherit", false);
                    role.put("inRoles", List.copyOf(accountSecrets.keySet()));
                }
            }
            roles.add(role);
        });
        return roles;
    }

    private static Map<String, Object> declared(String name, String secret) {
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("name", name);
        role.put("ensure", "present");
        role.put("login", true);
        role.put("passwordSecret", Map.of("name", secret));
        return role;
    }
}
