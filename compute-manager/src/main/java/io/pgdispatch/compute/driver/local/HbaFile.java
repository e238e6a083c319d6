package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.HostAuthentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A compute's pg_hba.conf, written whole from its authentication: the private unix socket, which only the server's
 * user can open, is trusted (compute-manager's own psql, base backups, replicas streaming from their primary);
 * every TCP connection on loopback, which is how the proxy comes, uses the method.
 */
final class HbaFile {

    private HbaFile() {
    }

    static String of(HostAuthentication authentication) {
        String method = (authentication.method() + " " + authentication.options()).strip();
        return """
            # Written by compute-manager before each start and on each use; edits are lost.
            local   all           all                    trust
            local   replication   all                    trust
            host    all           all      127.0.0.1/32  %1$s
            host    all           all      ::1/128       %1$s
            """.formatted(method);
    }

    /** Writes the file when it differs; true when it did, so that a running server must reload it. */
    static boolean write(Path dataFolder, HostAuthentication authentication, ServerUser user) throws IOException {
        Path file = dataFolder.resolve("pg_hba.conf");
        String wanted = of(authentication);
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(wanted)) {
            return false;
        }
        Files.writeString(file, wanted, StandardCharsets.UTF_8);
        user.own(file);
        return true;
    }
}
