package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of one local compute: for a branch's primary {@code <root>/<cluster-id>/<branch-id>/}, for any other
 * compute of the branch {@code <root>/<cluster-id>/<branch-id>/computes/<compute-id>/}. Each holds the data directory
 * {@code pgdata} and the server log {@code postgres.log}; while data is copied in, the copy grows in
 * {@code pgdata.partial}. Every compute of a branch has its unix socket in the branch's private folder
 * {@code socket} (the socket's name carries the port, so they do not collide, and the path stays short). That folder
 * is 0700 and owned by the server user, so that only that user and root (compute-manager) reach the
 * {@code local trust} lines of pg_hba.conf.
 *
 * <p>Limitation: unix socket paths are limited to 107 bytes; a long data root with long cluster and branch ids
 * exceeds it, and the compute then fails to start with PostgreSQL's "path is too long" in its log.
 */
record ComputeFolder(Path home, Path socket) {

    private static final int LOG_TAIL_LINES = 20;

    static ComputeFolder of(Path root, ComputeSpec spec) {
        Path branch = root.resolve(spec.clusterId()).resolve(spec.branchId());
        Path home = spec.kind() == ComputeSpec.Kind.PRIMARY ? branch
            : branch.resolve("computes").resolve(spec.computeId());
        return new ComputeFolder(home, branch.resolve("socket"));
    }

    Path data() {
        return home.resolve("pgdata");
    }

    /** Where a copy of another compute's data is made before it becomes {@link #data()}. */
    Path copy() {
        return home.resolve("pgdata.partial");
    }

    Path log() {
        return home.resolve("postgres.log");
    }

    /** The postmaster serving this data folder, if one runs. */
    Optional<PostmasterPid> postmaster() {
        return PostmasterPid.read(data()).filter(PostmasterPid::alive);
    }

    /** initdb writes PG_VERSION among its first files and removes the folder again when it fails. */
    boolean isInitialized() {
        return Files.exists(data().resolve("PG_VERSION"));
    }

    /** Any data folder, even an empty one, belongs to someone: a copy never replaces it. */
    boolean hasData() {
        return Files.exists(data());
    }

    /** Creates the compute folder and the socket folder, both owned by the server user. */
    void prepare(ServerUser user) throws IOException {
        Files.createDirectories(home);
        user.own(home);
        Files.createDirectories(socket);
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwx------"));
        user.own(socket);
    }

    /**
     * Settings that hold for every start, appended to the postgresql.conf of the given data folder, this compute's
     * own or a copy about to become it (later lines win): TCP on the loopback address only, the unix socket in the
     * private folder, then the settings of the compute's kind. A copy's postgresql.conf ends with the settings of
     * the compute it was copied from, so this block, appended after them, replaces them.
     */
    void configure(Path dataFolder, List<String> kindSettings) throws IOException {
        List<String> settings = new ArrayList<>(List.of(
            "",
            "# pg-dispatch local driver",
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = " + quoted(socket.toString()),
            "unix_socket_permissions = 0700"));
        settings.addAll(kindSettings);
        Files.write(dataFolder.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Whether the compute's postgresql.conf holds the line, as {@link #configure} writes lines. */
    boolean isConfiguredWith(String line) throws IOException {
        return Files.readAllLines(data().resolve("postgresql.conf"), StandardCharsets.UTF_8).contains(line);
    }

    /** A postgresql.conf string value (PostgreSQL docs, 20.1.2: "embed a single quote by writing two quotes"). */
    static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Makes the data folder a restored copy of a base backup, with the signal file that starts its recovery
     * ({@code standby.signal} or {@code recovery.signal}) and its settings; a failed restore leaves no copy behind.
     */
    void restore(BaseBackup backup, String signalFile, List<String> settings, ServerUser user) throws IOException {
        prepare(user);
        discardCopy();
        try {
            user.run("cp", "-a", backup.data().toString(), copy().toString()).orFail("copying the base backup");
            user.run("touch", copy().resolve(signalFile).toString()).orFail("writing " + signalFile);
            configure(copy(), settings);
            adoptCopy();
        } catch (IOException | RuntimeException e) {
            discardCopy();
            throw e;
        }
    }

    /** Removes a half-made folder so that a retry can succeed; returns the failure to throw. */
    static ComputeDriverException discarding(Path partial, ComputeDriverException failure) {
        try {
            deleteTree(partial);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    /** The copy becomes the data folder in one rename, so that {@link #data()} never holds half a copy. */
    void adoptCopy() throws IOException {
        Files.move(copy(), data(), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes a copy that failed or was cut short, so that the next one starts afresh. */
    void discardCopy() throws IOException {
        deleteTree(copy());
    }

    /** Removes the whole compute folder: for computes that are made again from the branch's history when needed. */
    void delete() throws IOException {
        deleteTree(home);
    }

    static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(top)) {
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
