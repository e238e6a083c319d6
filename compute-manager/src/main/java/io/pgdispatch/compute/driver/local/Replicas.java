package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Read replicas of a branch: hot standbys restored from the branch's newest base backup that replay its WAL archive
 * and, while the primary runs, stream from it (PostgreSQL docs, 27.2 "Log-Shipping Standby Servers": a standby
 * "restores from the archive, then tries streaming, and goes back to the archive" whenever streaming stops). So a
 * replica serves while the primary is suspended, up to the primary's last archived segment, and follows it again
 * when it wakes.
 *
 * <p>A primary takes a new port at each start, so a replica's {@code primary_conninfo} lives in its own file,
 * {@code primary.conf}, included from postgresql.conf: it is written before the replica starts, and rewritten and
 * reloaded in every running replica of the branch when the primary starts ({@code primary_conninfo} takes effect on
 * reload since PostgreSQL 13). The replica connects as superuser over the branch's private socket folder, through
 * the {@code local replication all trust} line initdb writes.
 */
final class Replicas {

    private static final Logger LOG = Logger.getLogger(Replicas.class);
    private static final String PRIMARY_CONF = "primary.conf";
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 10;

    private final PostgresBinaries binaries;
    private final ServerUser user;

    Replicas(PostgresBinaries binaries, ServerUser user) {
        this.binaries = binaries;
        this.user = user;
    }

    /** Restores the branch's newest base backup as a standby that follows the branch. */
    void restore(ComputeSpec spec, ComputeFolder folder, BranchHistory history) throws IOException {
        List<BaseBackup> backups = history.baseBackups();
        if (backups.isEmpty()) {
            throw new ComputeDriverException("branch " + spec.branchId() + " has no base backup yet: its primary"
                + " takes one when it first starts, so connect to the primary once");
        }
        folder.restore(backups.get(backups.size() - 1), "standby.signal", List.of(
            "archive_mode = off",
            "hot_standby = on",
            "restore_command = " + ComputeFolder.quoted(history.restoreCommand()),
            "include_if_exists = " + ComputeFolder.quoted(PRIMARY_CONF)), user);
    }

    /**
     * Points a replica at the primary's port, or at nothing while the primary does not run. The replica's folder is
     * named after its compute id, which the primary then shows as the standby's {@code application_name}.
     */
    void follow(ComputeFolder replica, Optional<Integer> primaryPort) throws IOException {
        String name = replica.home().getFileName().toString();
        String conninfo = primaryPort.map(port -> "host=" + conninfoQuoted(replica.socket().toString()) + " port="
            + port + " user=postgres application_name=" + conninfoQuoted(name)).orElse("");
        Path file = replica.data().resolve(PRIMARY_CONF);
        Files.writeString(file, "primary_conninfo = " + ComputeFolder.quoted(conninfo) + "\n", StandardCharsets.UTF_8);
        user.own(file);
    }

    /**
     * Waits until a standby just started has replayed what its primary has flushed at this moment. A standby serves
     * once it is consistent, which can be before it has replayed the WAL written after the base backup it came from
     * (the roles applied after the primary's first backup, for one), so without this wait a session could miss a
     * commit made before it asked.
     */
    void catchUp(String computeId, ComputeFolder replica, Superuser standby, Superuser primary) {
        String flushed = primary.query("SELECT pg_current_wal_flush_lsn()");
        String replayed = "SELECT coalesce(pg_last_wal_replay_lsn() >= '" + flushed + "'::pg_lsn, false)";
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        while (!"t".equals(standby.query(replayed))) {
            if (System.nanoTime() - deadline > 0) {
                throw new ComputeDriverException("replica " + computeId + " did not replay its primary's WAL up to "
                    + flushed + " within " + CATCH_UP_TIMEOUT.toSeconds() + " s\nServer log:\n" + replica.logTail());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ComputeDriverException("interrupted while replica " + computeId + " caught up", e);
            }
        }
    }

    /** After the primary of a branch started: every running replica of the branch streams from its new port. */
    void followRestartedPrimary(ComputeFolder primary, int port) {
        Path computes = primary.home().resolve("computes");
        if (!Files.isDirectory(computes)) {
            return;
        }
        try (Stream<Path> folders = Files.list(computes)) {
            folders.map(home -> new ComputeFolder(home, primary.socket()))
                .filter(folder -> Files.exists(folder.data().resolve(PRIMARY_CONF)))
                .forEach(folder -> folder.postmaster()
                    .ifPresent(pid -> redirect(folder, pid.port(), port)));
        } catch (IOException e) {
            LOG.warnf("Replicas of %s not told the primary's new port: %s", primary.home(), e.getMessage());
        }
    }

    private void redirect(ComputeFolder replica, int replicaPort, int primaryPort) {
        try {
            follow(replica, Optional.of(primaryPort));
            new Superuser(binaries, replica, replicaPort).query("SELECT pg_reload_conf()");
        } catch (IOException | ComputeDriverException e) {
            LOG.warnf("Replica %s not told the primary's new port %d: %s", replica.home(), primaryPort,
                e.getMessage());
        }
    }

    /** A libpq connection-string value in single quotes (libpq docs, 34.1.1.1: "escape ' and \ with \"). */
    private static String conninfoQuoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
