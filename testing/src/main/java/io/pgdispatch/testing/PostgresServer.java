package io.pgdispatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL server for tests, made with the installed server binaries (Debian package
 * postgresql). When the test runs as root the server runs as the {@code postgres} system user, because initdb
 * refuses root. It listens on 127.0.0.1 only and accepts one password-authenticated superuser.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "dispatch";
    public static final String PASSWORD = "dispatch-test";

    private final Path binaries;
    private final Path dataDirectory;
    private final int port;

    private PostgresServer(Path binaries, Path dataDirectory, int port) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Creates a new data directory under a fresh temporary folder and starts a server on a free port. */
    public static PostgresServer start() {
        try {
            Path binaries = binaries();
            Path home = Files.createTempDirectory("pg-dispatch-test-");
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path data = home.resolve("data");
            Path passwordFile = home.resolve("password");
            Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (isRoot()) {
                UserPrincipal postgres = home.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
                Files.setOwner(home, postgres);
                Files.setOwner(passwordFile, postgres);
            }
            run(binaries.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile",
                passwordFile.toString(), "--auth=scram-sha-256", "-E", "UTF8", "--no-sync", "--no-instructions");
            int port = freePort();
            PostgresServer server = new PostgresServer(binaries, data, port);
            run(binaries.resolve("pg_ctl").toString(), "start", "-w", "-D", data.toString(), "-l",
                home.resolve("server.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home + " -c fsync=off");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A libpq URI for the given database, as reactive and JDBC URLs are built from. */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        run(binaries.resolve("pg_ctl").toString(), "stop", "-w", "-m", "immediate", "-D", dataDirectory.toString());
    }

    /** The folder of the installed server binaries, from {@code pg_config --bindir}. */
    public static Path binaries() {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0 || !Files.isExecutable(Path.of(output, "initdb"))) {
                throw new IllegalStateException("PostgreSQL server binaries not found (pg_config --bindir said \""
                    + output + "\"): install the Debian package postgresql");
            }
            return Path.of(output);
        } catch (IOException e) {
            throw new IllegalStateException("pg_config not found: install the Debian package postgresql", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) {
        List<String> line = new ArrayList<>();
        if (isRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
