package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The installed PostgreSQL server programs the local driver runs. */
public record PostgresBinaries(Path folder) {

    private static final String INSTALL_HINT = "install the Debian package postgresql";

    /** Uses the configured folder, or asks {@code pg_config --bindir}; fails when initdb is not there. */
    public static PostgresBinaries locate(Optional<Path> configured) {
        Path folder = configured.orElseGet(PostgresBinaries::askPgConfig);
        if (!Files.isExecutable(folder.resolve("initdb"))) {
            throw new ComputeDriverException("PostgreSQL server binaries not found in " + folder + ": "
                + INSTALL_HINT + " or set dispatch.compute.local.bin-dir");
        }
        return new PostgresBinaries(folder);
    }

    public String initdb() {
        return folder.resolve("initdb").toString();
    }

    public String pgCtl() {
        return folder.resolve("pg_ctl").toString();
    }

    public String pgBasebackup() {
        return folder.resolve("pg_basebackup").toString();
    }

    public String psql() {
        return folder.resolve("psql").toString();
    }

    private static Path askPgConfig() {
        CommandResult result;
        try {
            result = Command.run(List.of("pg_config", "--bindir"), "");
        } catch (ComputeDriverException e) {
            throw new ComputeDriverException("pg_config not found: " + INSTALL_HINT, e);
        }
        if (!result.succeeded()) {
            throw new ComputeDriverException("pg_config --bindir failed (" + result.output().trim() + "): "
                + INSTALL_HINT);
        }
        return Path.of(result.output().trim());
    }
}
