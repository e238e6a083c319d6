package io.pgdispatch.system;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP server (Debian's slapd) on a loopback port, in a folder of its own, with one entry per user
 * under {@code ou=people,dc=example,dc=org}, for computes whose pg_hba.conf authenticates by {@code ldap}.
 */
final class LdapServer implements AutoCloseable {

    static final String PEOPLE = "ou=people,dc=example,dc=org";
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;

    private LdapServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Loads the users (uid to password) with slapadd, then serves them; fails when slapd does not answer. */
    static LdapServer start(Path folder, Map<String, String> users) throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        Path config = folder.resolve("slapd.conf");
        Files.writeString(config, """
            include /etc/ldap/schema/core.schema
            include /etc/ldap/schema/cosine.schema
            include /etc/ldap/schema/inetorgperson.schema
            modulepath /usr/lib/ldap
            moduleload back_mdb
            pidfile %1$s/slapd.pid
            database mdb
            suffix "dc=example,dc=org"
            rootdn "cn=admin,dc=example,dc=org"
            directory %2$s
            """.formatted(folder, data), StandardCharsets.UTF_8);
        StringBuilder entries = new StringBuilder("""
            dn: dc=example,dc=org
            objectClass: dcObject
            objectClass: organization
            o: Example
            dc: example

            dn: %s
            objectClass: organizationalUnit
            ou: people
            """.formatted(PEOPLE));
        users.forEach((uid, password) -> entries.append("""

            dn: uid=%1$s,%3$s
            objectClass: inetOrgPerson
            uid: %1$s
            cn: %1$s
            sn: %1$s
            userPassword: %2$s
            """.formatted(uid, password, PEOPLE)));
        Path ldif = folder.resolve("entries.ldif");
        Files.writeString(ldif, entries, StandardCharsets.UTF_8);
        run("/usr/sbin/slapadd", "-f", config.toString(), "-l", ldif.toString());

        int port = DispatchSystem.freePort();
        // -d keeps slapd in the foreground, so that the process ends with the test.
        Process process = new ProcessBuilder("/usr/sbin/slapd", "-f", config.toString(),
                "-h", "ldap://127.0.0.1:" + port + "/", "-d", "0")
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("slapd.log").toFile())
            .start();
        LdapServer server = new LdapServer(process, port);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!server.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("slapd did not start; see " + folder.resolve("slapd.log"));
            }
            Thread.sleep(50);
        }
        return server;
    }

    /** The options of a pg_hba.conf {@code ldap} line that binds as {@code uid=<role>,ou=people,...}. */
    String hbaOptions() {
        return "ldapserver=127.0.0.1 ldapport=" + port + " ldapprefix=\"uid=\" ldapsuffix=\"," + PEOPLE + "\"";
    }

    private boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
