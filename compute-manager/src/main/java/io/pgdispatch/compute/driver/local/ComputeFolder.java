package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The files of one local compute, {@code <root>/<cluster-id>/<branch-id>/}: the data directory {@code pgdata}, the
 * server log {@code postgres.log} and {@code socket}, the private folder of the unix socket. The socket folder is
 * 0700 and owned by the server user, so that only that user and root (compute-manager) reach the {@code local trust}
 * line of pg_hba.conf.
 *
 * <p>Limitation: unix socket paths are limited to 107 bytes; a long data root with long cluster and branch ids
 * exceeds it, and the compute then fails to start with PostgreSQL's "path is too long" in its log.
 */
record ComputeFolder(Path home) {

    private static final int LOG_TAIL_LINES = 20;

    static ComputeFolder of(Path root, ComputeSpec spec) {
        return new ComputeFolder(root.resolve(spec.clusterId()).resolve(spec.branchId()));
    }

    Path data() {
        return home.resolve("pgdata");
    }

    Path socket() {
        return home.resolve("socket");
    }

    Path log() {
        return home.resolve("postgres.log");
    }

    /** initdb writes PG_VERSION among its first files and removes the folder again when it fails. */
    boolean isInitialized() {
        return Files.exists(data().resolve("PG_VERSION"));
    }

    /** Creates the compute folder and its socket folder, both owned by the server user. */
    void prepare(ServerUser user) throws IOException {
        Files.createDirectories(home);
        user.own(home);
        Files.createDirectories(socket());
        Files.setPosixFilePermissions(socket(), PosixFilePermissions.fromString("rwx------"));
        user.own(socket());
    }

    /**
     * Settings that hold for every start, appended to postgresql.conf after initdb (later lines win): TCP on the
     * loopback address only, and the unix socket in the private folder.
     */
    void configure() throws IOException {
        List<String> settings = List.of(
            "",
            "# pg-dispatch local driver",
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = '" + socket().toString().replace("'", "''") + "'",
            "unix_socket_permissions = 0700");
        Files.write(data().resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The last lines of the server log: why a start failed, in PostgreSQL's words. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no server log at " + log() + ")";
        }
    }
}
