package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.contract.target.Lsn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes base backups of a running primary into its branch's history. */
final class BaseBackups {

    /** pg_basebackup's verbose report of where the backup ended (src/bin/pg_basebackup/pg_basebackup.c). */
    private static final Pattern END_POINT = Pattern.compile("write-ahead log end point: ([0-9A-Fa-f]+/[0-9A-Fa-f]+)");
    private static final String SUPERUSER = "postgres";

    private final PostgresBinaries binaries;
    private final ServerUser user;

    BaseBackups(PostgresBinaries binaries, ServerUser user) {
        this.binaries = binaries;
        this.user = user;
    }

    /**
     * A plain-format copy with the WAL it needs streamed beside it, so that every backup is consistent on its own,
     * after a fast checkpoint so that it starts at once. It grows under a temporary name and is renamed when its
     * properties are written, so that a backup cut short is never used.
     */
    BaseBackup take(BranchHistory history, Superuser primary) {
        Path partial = history.backups().resolve("partial-" + System.nanoTime());
        try {
            history.prepare(user);
            CommandResult result = user.run(binaries.pgBasebackup(), "-D", partial.resolve("data").toString(),
                "-h", primary.folder().socket().toString(), "-p", Integer.toString(primary.port()), "-U", SUPERUSER,
                "--checkpoint=fast", "--wal-method=stream", "--no-sync", "--no-manifest", "--verbose")
                .orFail("pg_basebackup");
            Matcher end = END_POINT.matcher(result.output());
            if (!end.find()) {
                throw new ComputeDriverException("pg_basebackup did not report where the backup ended: "
                    + result.output().trim());
            }
            Lsn endLsn = Lsn.parse(end.group(1));
            Instant endTime = Instant.now();
            new BaseBackup(partial, endLsn, endTime).write();
            Path folder = history.backups().resolve(String.format("%016X", endLsn.value()));
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            return new BaseBackup(folder, endLsn, endTime);
        } catch (IOException e) {
            throw ComputeFolder.discarding(partial, new ComputeDriverException("could not take a base backup into "
                + history.backups() + ": " + e.getMessage(), e));
        } catch (ComputeDriverException e) {
            throw ComputeFolder.discarding(partial, e);
        }
    }
}
