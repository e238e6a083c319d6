package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.PlatformRole;
import io.pgdispatch.compute.driver.RoleSecret;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL that makes a compute's roles match the account's, run by psql as superuser in one transaction. A role
 * is created only when missing, through psql's {@code \gexec} (CREATE ROLE has no IF NOT EXISTS).
 *
 * <p>A verifier given as the password is stored as-is (PostgreSQL docs, CREATE ROLE: "If the presented password
 * string is already in MD5-encrypted or SCRAM-encrypted format, then it is stored as-is"), so the compute accepts
 * the same SCRAM exchange as the proxy, and the proxy can log in with the ClientKey it recovered.
 *
 * <p>A login role that the account no longer has (removed through the management API) loses its login and its
 * password, and its open sessions are ended. It is not dropped: what it owns stays, and DROP ROLE would refuse
 * while it owns anything. Only the server's own superuser and the platform's roles ({@code dispatch_...}) keep a
 * login besides the account's roles.
 *
 * <p>Each role gets what the owner of a small database needs: CREATEDB, every privilege on database postgres
 * (schemas, temporary tables) and on schema public, whose CREATE privilege PostgreSQL 15 no longer gives to PUBLIC.
 * Limitation: roles are not superusers and objects one role creates are not granted to the account's other roles.
 */
final class RoleScript {

    private static final String ANONYMOUS = PlatformRole.ANONYMOUS.roleName();
    private static final String LINK = PlatformRole.LINK.roleName();

    private RoleScript() {
    }

    static String of(List<RoleSecret> roles, String superuser) {
        StringBuilder script = new StringBuilder(createIfMissing(LINK));
        for (RoleSecret role : roles) {
            String name = identifier(role.name());
            script.append(createIfMissing(role.name()))
                .append("ALTER ROLE ").append(name).append(" WITH LOGIN CREATEDB PASSWORD ")
                .append(literal(role.verifier())).append(";\n")
                .append("GRANT ALL ON DATABASE postgres TO ").append(name).append(";\n")
                .append("GRANT ALL ON SCHEMA public TO ").append(name).append(";\n")
                .append("GRANT ").append(name).append(" TO ").append(LINK).append(";\n");
        }
        String kept = roles.stream().map(role -> literal(role.name())).collect(Collectors.joining(", "));
        script.append("CREATE TEMPORARY TABLE removed_roles ON COMMIT DROP AS SELECT rolname FROM pg_roles")
            .append(" WHERE rolcanlogin AND rolname <> ").append(literal(superuser))
            .append(" AND rolname NOT LIKE 'dispatch\\_%'")
            .append(" AND rolname <> ALL (ARRAY[").append(kept).append("]::text[]);\n")
            .append("SELECT format('ALTER ROLE %I NOLOGIN PASSWORD NULL', rolname) FROM removed_roles\n\\gexec\n")
            .append("SELECT format('REVOKE %I FROM ").append(LINK).append("', rolname) FROM removed_roles\n\\gexec\n")
            .append("SELECT count(pg_terminate_backend(pid)) AS ended_sessions FROM pg_stat_activity")
            .append(" WHERE usename IN (SELECT rolname FROM removed_roles);\n");
        return script.toString();
    }

    /**
     * The platform roles with their verifiers. {@code dispatch_anonymous} reads every table (pg_read_all_data). On
     * a one-off copy, which its session alone uses and which is discarded after it, it may also write and create
     * (pg_write_all_data, CREATE on schema public); on a primary it may not, and its replicas and points in time,
     * which hold the primary's roles, refuse every write anyway. {@code dispatch_link} inherits nothing: it is a
     * member of the account's roles ({@link #of}) only to take one with {@code SET ROLE}.
     */
    static String platform(Map<PlatformRole, String> verifiers, boolean writable) {
        String grant = writable ? "GRANT" : "REVOKE";
        String toOrFrom = writable ? " TO " : " FROM ";
        return createIfMissing(ANONYMOUS)
            + "ALTER ROLE " + ANONYMOUS + " WITH LOGIN NOCREATEDB NOCREATEROLE PASSWORD "
            + literal(verifiers.get(PlatformRole.ANONYMOUS)) + ";\n"
            + "GRANT pg_read_all_data TO " + ANONYMOUS + ";\n"
            + grant + " pg_write_all_data" + toOrFrom + ANONYMOUS + ";\n"
            + grant + " CREATE ON SCHEMA public" + toOrFrom + ANONYMOUS + ";\n"
            + createIfMissing(LINK)
            + "ALTER ROLE " + LINK + " WITH LOGIN NOINHERIT NOCREATEDB NOCREATEROLE PASSWORD "
            + literal(verifiers.get(PlatformRole.LINK)) + ";\n";
    }

    /** CREATE ROLE, without login, where the role is missing. */
    private static String createIfMissing(String role) {
        return "SELECT format('CREATE ROLE %I', " + literal(role) + ") WHERE NOT EXISTS (SELECT FROM pg_roles"
            + " WHERE rolname = " + literal(role) + ")\n\\gexec\n";
    }

    /** A quoted identifier (SQL syntax, 4.1.1): double quotes, inner ones doubled. */
    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A string constant (4.1.2.1) with standard_conforming_strings on, PostgreSQL's default since 9.1. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
