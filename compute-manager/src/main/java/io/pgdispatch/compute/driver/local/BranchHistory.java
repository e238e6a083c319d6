package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.contract.target.PointInTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The history of a branch on this host, from which its points in time are recovered: the continuous archive of its
 * write-ahead log, {@code <branch>/wal-archive/}, filled by its primary's {@code archive_command}, and its base
 * backups, {@code <branch>/base-backups/<end-lsn>/}. A branch's first backup is taken when its primary first
 * starts, so its history begins there; a running primary takes further ones as it writes WAL
 * ({@link LocalDriver#refreshBaseBackup}).
 *
 * <p>Limitation: neither the archive nor the backups are ever pruned.
 */
record BranchHistory(Path home) {

    static BranchHistory of(Path root, ComputeSpec spec) {
        return new BranchHistory(root.resolve(spec.clusterId()).resolve(spec.branchId()));
    }

    Path archive() {
        return home.resolve("wal-archive");
    }

    Path backups() {
        return home.resolve("base-backups");
    }

    /** Creates the archive and backup folders, owned by the server user, who writes into them. */
    void prepare(ServerUser user) throws IOException {
        for (Path folder : List.of(home, archive(), backups())) {
            Files.createDirectories(folder);
            user.own(folder);
        }
    }

    /**
     * Copies a finished segment under a temporary name and renames it, so that a restore never reads half a file,
     * and refuses to overwrite a segment already archived (PostgreSQL docs, 26.3.1 "Setting Up WAL Archiving":
     * "the archive command should generally be designed to refuse to overwrite any pre-existing archive file").
     */
    String archiveCommand() {
        String archived = shellQuoted(archive().toString() + "/") + "%f";
        return "test ! -f " + archived + " && cp %p " + archived + ".partial && mv " + archived + ".partial "
            + archived;
    }

    /** Fetches a segment or timeline history file back from the archive; fails for one that is not there. */
    String restoreCommand() {
        return "cp " + shellQuoted(archive().toString() + "/") + "%f %p";
    }

    boolean isArchived(String walFile) {
        return Files.exists(archive().resolve(walFile));
    }

    /** The complete base backups, oldest first. */
    List<BaseBackup> baseBackups() {
        if (!Files.isDirectory(backups())) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(backups())) {
            return folders.map(BaseBackup::read)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(BaseBackup::endLsn))
                .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The newest base backup that recovery to the point can start from: the least WAL to replay. */
    Optional<BaseBackup> latestServing(PointInTime point) {
        List<BaseBackup> backups = baseBackups();
        for (int i = backups.size() - 1; i >= 0; i--) {
            if (backups.get(i).serves(point)) {
                return Optional.of(backups.get(i));
            }
        }
        return Optional.empty();
    }

    /** Double quotes for the shell; the archive commands run through {@code sh -c}. */
    private static String shellQuoted(String path) {
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
    }
}
