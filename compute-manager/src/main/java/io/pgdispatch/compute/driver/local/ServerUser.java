package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The system user PostgreSQL runs as. initdb and pg_ctl refuse root, so when this process is root they run as the
 * {@code postgres} user and the compute folders are handed to it; otherwise they run as this process' own user.
 */
final class ServerUser {

    private static final String POSTGRES = "postgres";

    private final Optional<UserPrincipal> postgres;

    private ServerUser(Optional<UserPrincipal> postgres) {
        this.postgres = postgres;
    }

    static ServerUser detect() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return new ServerUser(Optional.empty());
        }
        try {
            Path root = Path.of("/");
            return new ServerUser(Optional.of(root.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(POSTGRES)));
        } catch (IOException e) {
            throw new ComputeDriverException("running as root needs the postgres system user, which is missing: "
                + "install the Debian package postgresql", e);
        }
    }

    /** Runs a server program as the server user. */
    CommandResult run(String... command) {
        List<String> line = new ArrayList<>();
        if (postgres.isPresent()) {
            line.addAll(List.of("runuser", "-u", POSTGRES, "--"));
        }
        line.addAll(List.of(command));
        return Command.run(line, "");
    }

    /** Hands a file or folder to the server user. */
    void own(Path path) throws IOException {
        if (postgres.isPresent()) {
            Files.setOwner(path, postgres.get());
        }
    }
}
