package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one local compute, {@code <root>/<cluster-id>/<branch-id>/}: the data directory {@code pgdata}, the
 * server log {@code postgres.log} and {@code socket}, the private folder of the unix socket; while a branch's data is
 * copied from its parent, the copy grows in {@code pgdata.partial}. The socket folder is 0700 and owned by the server
 * user, so that only that user and root (compute-manager) reach the {@code local trust} lines of pg_hba.conf.
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

    /** Where a copy of another compute's data is made before it becomes {@link #data()}. */
    Path copy() {
        return home.resolve("pgdata.partial");
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

    /** Any data folder, even an empty one, belongs to someone: a copy never replaces it. */
    boolean hasData() {
        return Files.exists(data());
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
     * Settings that hold for every start, appended to the postgresql.conf of the given data folder, this compute's
     * own or a copy about to become it (later lines win): TCP on the loopback address only, and the unix socket in
     * the private folder. A copy's postgresql.conf ends with its parent's settings, so this block, appended after
     * them, moves its socket to its own folder.
     */
    void configure(Path dataFolder) throws IOException {
        List<String> settings = List.of(
            "",
            "# pg-dispatch local driver",
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = '" + socket().toString().replace("'", "''") + "'",
            "unix_socket_permissions = 0700");
        Files.write(dataFolder.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The copy becomes the data folder in one rename, so that {@link #data()} never holds half a copy. */
    void adoptCopy() throws IOException {
        Files.move(copy(), data(), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes a copy that failed or was cut short, so that the next one starts afresh. */
    void discardCopy() throws IOException {
        if (!Files.exists(copy())) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(copy())) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
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
