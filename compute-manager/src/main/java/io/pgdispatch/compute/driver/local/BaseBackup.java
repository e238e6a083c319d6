package io.pgdispatch.compute.driver.local;

import io.pgdispatch.contract.target.Lsn;
import io.pgdispatch.contract.target.PointInTime;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * A base backup of a branch, {@code <branch>/base-backups/<end-lsn>/}: the copy pg_basebackup made in {@code data}
 * and, in {@code backup.properties}, where and when it ended. A restored copy is consistent only once recovery has
 * replayed up to that end (PostgreSQL docs, 26.3.4 "Recovering Using a Continuous Archive Backup"), so it serves
 * exactly the points in time at or after it.
 *
 * @param endTime taken when pg_basebackup had returned: a little after the true end, never before it
 */
record BaseBackup(Path folder, Lsn endLsn, Instant endTime) {

    private static final String FILE = "backup.properties";

    Path data() {
        return folder.resolve("data");
    }

    /** Whether recovery from this backup can stop at the point: the point is not before the backup's end. */
    boolean serves(PointInTime point) {
        if (point instanceof PointInTime.Time time) {
            return !time.time().isBefore(endTime);
        }
        return ((PointInTime.Position) point).lsn().compareTo(endLsn) >= 0;
    }

    /** The backup in a folder, if it is complete: its properties file is written last. */
    static Optional<BaseBackup> read(Path folder) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(folder.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new BaseBackup(folder, Lsn.parse(properties.getProperty("end-lsn")),
                Instant.parse(properties.getProperty("end-time"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("end-lsn", endLsn.toString());
        properties.setProperty("end-time", endTime.toString());
        try (Writer writer = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.store(writer, "pg-dispatch base backup");
        }
    }
}
