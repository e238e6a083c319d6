package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriver;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.HostAuthentication;
import io.pgdispatch.compute.driver.PlatformRole;
import io.pgdispatch.compute.driver.RoleSecret;
import io.pgdispatch.compute.driver.StorageExistsException;
import io.pgdispatch.contract.target.PointInTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Computes as PostgreSQL processes on this host, made from the installed server binaries. Each branch has its own
 * data directory, WAL archive and base backups ({@link BranchHistory}); a compute listens on 127.0.0.1 with SCRAM
 * authentication, and on a private unix socket where compute-manager is trusted as superuser {@code postgres}.
 * Processes outlive compute-manager and are found again through their {@code postmaster.pid}.
 *
 * <p>A branch's primary archives every finished WAL segment and takes a base backup when it first starts. A
 * point-in-time compute is recovered from the latest backup before its point and the archive, and stays paused in
 * recovery at that point ({@link PointInTimeRecovery}): PostgreSQL itself refuses writes there. A read replica,
 * shared or one-off, is a hot standby that follows the branch ({@link Replicas}). A one-off branch is recovered like a
 * point in time, then promoted and writable. Point-in-time and one-off computes are removed when they stop; a point in
 * time is recovered again on next use.
 */
public final class LocalDriver implements ComputeDriver {

    private static final Logger LOG = Logger.getLogger(LocalDriver.class);
    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "postgres";
    /**
     * 1 MB write-ahead log segments instead of 16 MB: a segment reaches the archive when it is full or switched, so
     * small segments keep the archive close to the primary and cost little when switched early.
     */
    private static final String WAL_SEGMENT_MB = "1";
    /** WAL since the newest base backup beyond which a running primary takes a new one. */
    private static final long REFRESH_AFTER_WAL_BYTES = 64L << 20;

    private final PostgresBinaries binaries;
    private final Path dataRoot;
    private final PortRange ports;
    private final ServerUser user = ServerUser.detect();
    private final PointInTimeRecovery pointInTime;
    private final Replicas replicas;

    public LocalDriver(PostgresBinaries binaries, Path dataRoot, String portRange) {
        this.binaries = binaries;
        this.dataRoot = dataRoot.toAbsolutePath();
        this.ports = PortRange.parse(portRange);
        this.pointInTime = new PointInTimeRecovery(user);
        this.replicas = new Replicas(binaries, user);
    }

    @Override
    public String ensureStorage(ComputeSpec spec) {
        ComputeFolder folder = folderOf(spec);
        try {
            if (spec.kind() == ComputeSpec.Kind.PRIMARY && folder.isInitialized()) {
                keepArchiving(folder, historyOf(spec));
            } else if (!folder.isInitialized()) {
                switch (spec.kind()) {
                    case PRIMARY -> initialize(spec, folder);
                    case POINT_IN_TIME, ONE_OFF_BRANCH ->
                        pointInTime.restore(spec, folder, historyOf(spec), primaryOf(spec));
                    case REPLICA, ONE_OFF_REPLICA -> replicas.restore(spec, folder, historyOf(spec));
                }
            }
        } catch (IOException e) {
            throw new ComputeDriverException("could not prepare " + folder.home() + ": " + e.getMessage(), e);
        }
        return folder.data().toString();
    }

    /**
     * A point in time needs the primary's newest WAL in the archive, a one-off replica streams from it at once, and
     * a shared replica of a branch whose primary never ran needs its first base backup.
     */
    @Override
    public boolean needsRunningPrimary(ComputeSpec spec) {
        return switch (spec.kind()) {
            case PRIMARY -> false;
            case POINT_IN_TIME, ONE_OFF_REPLICA, ONE_OFF_BRANCH -> true;
            case REPLICA -> historyOf(spec).baseBackups().isEmpty();
        };
    }

    @Override
    public boolean hasStorage(ComputeSpec spec) {
        return folderOf(spec).isInitialized();
    }

    /**
     * pg_basebackup from the parent's private socket, as superuser over the {@code local replication all trust}
     * line initdb writes with {@code --auth-local=trust}. A fast checkpoint starts the copy at once instead of
     * after a spread one; the WAL written meanwhile is streamed beside it, so the copy is consistent on its own.
     * Without {@code -R} it gets no standby.signal: its first start replays that WAL and it runs as a primary of its
     * own, with its own archive, and takes its own first base backup. {@code --no-sync} saves the flush because that
     * first start, a recovery from the backup label, syncs the whole data folder before anything else;
     * {@code --no-manifest} because the copy is started, never restored.
     *
     * <p>Limitation: the copy must finish within the 120 s every command of this driver gets, which bounds the
     * size of a parent that can be branched. Limitation: unlogged tables are empty in the copy, as in every base
     * backup, and the copy keeps the parent's database system identifier.
     */
    @Override
    public void createBranchStorage(ComputeSpec parent, ComputeSpec branch, Optional<PointInTime> point) {
        ComputeFolder target = folderOf(branch);
        if (target.hasData()) {
            throw new StorageExistsException("branch " + branch.branchId() + " already has storage at "
                + target.data() + ": choose another branch id");
        }
        if (point.isPresent()) {
            recoverBranch(parent, branch, point.get(), target);
        } else {
            copyHead(parent, branch, target);
        }
    }

    private void copyHead(ComputeSpec parent, ComputeSpec branch, ComputeFolder target) {
        ComputeFolder source = folderOf(parent);
        int port = runningPort(parent);
        try {
            BranchHistory history = historyOf(branch);
            history.prepare(user);
            target.prepare(user);
            target.discardCopy();
            user.run(binaries.pgBasebackup(), "-D", target.copy().toString(), "-h", source.socket().toString(),
                "-p", Integer.toString(port), "-U", SUPERUSER, "--checkpoint=fast", "--wal-method=stream",
                "--no-sync", "--no-manifest").orFail("pg_basebackup");
            target.configure(target.copy(), archiveSettings(history));
            target.adoptCopy();
        } catch (IOException e) {
            throw ComputeFolder.discarding(target.copy(), new ComputeDriverException("could not copy into "
                + target.home() + ": " + e.getMessage(), e));
        } catch (ComputeDriverException e) {
            throw ComputeFolder.discarding(target.copy(), e);
        }
        LOG.infof("Compute %s: created %s as a copy of %s", branch.computeId(), target.data(), source.data());
    }

    /**
     * A branch at a point of its parent's history: the parent's base backup recovered to the point and promoted
     * there, in a first run of its own, to a new timeline; then stopped, and from then on a primary that archives
     * into its own history and takes its own first base backup when it next starts.
     */
    private void recoverBranch(ComputeSpec parent, ComputeSpec branch, PointInTime point, ComputeFolder target) {
        try {
            BranchHistory history = historyOf(branch);
            history.prepare(user);
            pointInTime.restore(parent.branchId(), Optional.of(point), true, target, historyOf(parent),
                primaryOf(parent));
            int port = ports.allocate();
            user.run(binaries.pgCtl(), "start", "-w", "-D", target.data().toString(), "-l", target.log().toString(),
                "-o", "-p " + port).orFail("pg_ctl start of the recovering branch");
            pointInTime.awaitTarget(branch.computeId(), true, target, new Superuser(binaries, target, port));
            user.run(binaries.pgCtl(), "stop", "-m", "fast", "-w", "-D", target.data().toString())
                .orFail("pg_ctl stop of the recovered branch");
            List<String> settings = new ArrayList<>(List.of("restore_command = ''"));
            settings.addAll(PointInTimeRecovery.CLEARED_TARGETS);
            settings.addAll(archiveSettings(history));
            target.configure(target.data(), settings);
        } catch (IOException e) {
            throw removing(target, new ComputeDriverException("could not recover into " + target.home() + ": "
                + e.getMessage(), e));
        } catch (ComputeDriverException e) {
            throw removing(target, e);
        }
        LOG.infof("Compute %s: created %s from branch %s at %s", branch.computeId(), target.data(),
            parent.branchId(), point.text());
    }

    /**
     * Starts the server. A replica is pointed at the primary first and, while the primary runs, waits until it has
     * replayed what the primary has written; a primary without a base backup takes its first and tells the branch's
     * running replicas its port; a point in time waits until it has reached its point.
     */
    @Override
    public ComputeEndpoint start(ComputeSpec spec) {
        ComputeFolder folder = folderOf(spec);
        boolean replica = spec.kind() == ComputeSpec.Kind.REPLICA || spec.kind() == ComputeSpec.Kind.ONE_OFF_REPLICA;
        if (replica) {
            pointAtPrimary(spec, folder);
        }
        int port = ports.allocate();
        CommandResult result = user.run(binaries.pgCtl(), "start", "-w", "-D", folder.data().toString(),
            "-l", folder.log().toString(), "-o", "-p " + port);
        if (!result.succeeded()) {
            throw new ComputeDriverException("PostgreSQL did not start: " + result.output().trim()
                + "\nServer log:\n" + folder.logTail());
        }
        Superuser superuser = new Superuser(binaries, folder, port);
        if (spec.kind() == ComputeSpec.Kind.POINT_IN_TIME || spec.kind() == ComputeSpec.Kind.ONE_OFF_BRANCH) {
            pointInTime.awaitTarget(spec, folder, superuser);
        } else if (spec.kind() == ComputeSpec.Kind.PRIMARY) {
            if (historyOf(spec).baseBackups().isEmpty()) {
                new BaseBackups(binaries, user).take(historyOf(spec), superuser);
            }
            replicas.followRestartedPrimary(folder, port);
        } else if (replica) {
            Optional<Integer> primary = primaryPort(spec);
            if (primary.isPresent()) {
                replicas.catchUp(spec.computeId(), folder, superuser,
                    new Superuser(binaries, primaryFolder(spec), primary.get()));
            }
        }
        LOG.infof("Compute %s: PostgreSQL runs on %s:%d", spec.computeId(), HOST, port);
        return new ComputeEndpoint(HOST, port);
    }

    @Override
    public void refreshBaseBackup(ComputeSpec spec) {
        if (spec.kind() != ComputeSpec.Kind.PRIMARY) {
            return;
        }
        ComputeFolder folder = folderOf(spec);
        Optional<PostmasterPid> live = folder.postmaster();
        List<BaseBackup> backups = historyOf(spec).baseBackups();
        if (live.isEmpty() || backups.isEmpty()) {
            return;
        }
        Superuser superuser = new Superuser(binaries, folder, live.get().port());
        long written = Long.parseLong(superuser.query("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '"
            + backups.get(backups.size() - 1).endLsn() + "')::bigint"));
        if (written > REFRESH_AFTER_WAL_BYTES) {
            BaseBackup backup = new BaseBackups(binaries, user).take(historyOf(spec), superuser);
            LOG.infof("Compute %s: new base backup at %s, %d MB of WAL after the previous one", spec.computeId(),
                backup.endLsn(), written >> 20);
        }
    }

    @Override
    public void authenticateWith(ComputeSpec spec, HostAuthentication authentication) {
        ComputeFolder folder = folderOf(spec);
        try {
            if (!HbaFile.write(folder.data(), authentication, user)) {
                return;
            }
        } catch (IOException e) {
            throw new ComputeDriverException("could not write pg_hba.conf of compute " + spec.computeId() + ": "
                + e.getMessage(), e);
        }
        Optional<PostmasterPid> live = folder.postmaster();
        if (live.isPresent()) {
            new Superuser(binaries, folder, live.get().port()).query("SELECT pg_reload_conf()");
        }
        LOG.infof("Compute %s: connections from the proxy authenticate by %s", spec.computeId(),
            authentication.method());
    }

    @Override
    public void applyPlatformRoles(ComputeSpec spec, Map<PlatformRole, String> verifiers) {
        boolean writable = spec.kind() == ComputeSpec.Kind.ONE_OFF_BRANCH;
        new Superuser(binaries, folderOf(spec), runningPort(spec)).runScript(RoleScript.platform(verifiers, writable),
            "applying the platform roles");
    }

    @Override
    public void applyRoles(ComputeSpec spec, List<RoleSecret> roles) {
        ComputeFolder folder = folderOf(spec);
        new Superuser(binaries, folder, runningPort(spec)).runScript(RoleScript.of(roles, SUPERUSER),
            "applying roles with psql");
        LOG.debugf("Compute %s: applied %d roles", spec.computeId(), roles.size());
    }

    /**
     * A primary first switches to a new WAL segment, so that its last commits reach the archive, where the
     * branch's replicas read them while it is suspended (the archiver finishes its work before the server exits).
     * A point-in-time or one-off compute is removed with its storage: the branch's history holds all it had.
     */
    @Override
    public void stop(ComputeSpec spec) {
        ComputeFolder folder = folderOf(spec);
        Optional<PostmasterPid> live = folder.postmaster();
        if (live.isPresent()) {
            if (spec.kind() == ComputeSpec.Kind.PRIMARY) {
                switchWal(spec, new Superuser(binaries, folder, live.get().port()));
            }
            user.run(binaries.pgCtl(), "stop", "-m", "fast", "-w", "-D", folder.data().toString())
                .orFail("pg_ctl stop");
            LOG.infof("Compute %s: PostgreSQL stopped", spec.computeId());
        }
        if (spec.kind() == ComputeSpec.Kind.POINT_IN_TIME || spec.kind().isOneOff()) {
            try {
                folder.delete();
            } catch (IOException e) {
                throw new ComputeDriverException("could not remove " + folder.home() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Removes the branch's folder: its primary's data, WAL archive and base backups, and the folders of its other
     * computes. A server still running there, which no compute record named, is stopped first.
     */
    @Override
    public void deleteBranch(String clusterId, String branchId) {
        Path branch = dataRoot.resolve(clusterId).resolve(branchId);
        if (!Files.exists(branch)) {
            return;
        }
        try {
            List<Path> dataFolders = new ArrayList<>(List.of(branch.resolve("pgdata")));
            Path computes = branch.resolve("computes");
            if (Files.isDirectory(computes)) {
                try (Stream<Path> each = Files.list(computes)) {
                    each.map(compute -> compute.resolve("pgdata")).forEach(dataFolders::add);
                }
            }
            for (Path data : dataFolders) {
                if (PostmasterPid.read(data).filter(PostmasterPid::alive).isPresent()) {
                    user.run(binaries.pgCtl(), "stop", "-m", "immediate", "-w", "-D", data.toString())
                        .orFail("pg_ctl stop");
                }
            }
            ComputeFolder.deleteTree(branch);
        } catch (IOException e) {
            throw new ComputeDriverException("could not remove " + branch + ": " + e.getMessage(), e);
        }
        LOG.infof("Branch %s of cluster %s: storage removed", branchId, clusterId);
    }

    /** Client backends other than the asking one, from pg_stat_activity over the private socket. */
    @Override
    public OptionalInt clientSessions(ComputeSpec spec) {
        ComputeFolder folder = folderOf(spec);
        Optional<PostmasterPid> live = folder.postmaster();
        if (live.isEmpty()) {
            return OptionalInt.of(0);
        }
        return OptionalInt.of(Integer.parseInt(new Superuser(binaries, folder, live.get().port()).query("SELECT"
            + " count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")));
    }

    /** A postmaster.pid names the port, and its process id tells whether the server still lives. */
    @Override
    public Optional<ComputeEndpoint> running(ComputeSpec spec) {
        return folderOf(spec).postmaster()
            .map(pid -> new ComputeEndpoint(HOST, pid.port()));
    }

    private void initialize(ComputeSpec spec, ComputeFolder folder) throws IOException {
        BranchHistory history = historyOf(spec);
        history.prepare(user);
        folder.prepare(user);
        user.run(binaries.initdb(), "-D", folder.data().toString(), "--auth-local=trust",
            "--auth-host=scram-sha-256", "-U", SUPERUSER, "-E", "UTF8", "--wal-segsize=" + WAL_SEGMENT_MB,
            "--no-sync", "--no-instructions").orFail("initdb");
        folder.configure(folder.data(), archiveSettings(history));
        LOG.infof("Compute %s: created %s", spec.computeId(), folder.data());
    }

    /** A primary made before it archived its WAL starts archiving, and takes its first backup at its next start. */
    private void keepArchiving(ComputeFolder folder, BranchHistory history) throws IOException {
        List<String> settings = archiveSettings(history);
        if (!folder.isConfiguredWith(settings.get(settings.size() - 1))) {
            history.prepare(user);
            folder.configure(folder.data(), settings);
        }
    }

    /**
     * WAL archiving from the first start on (PostgreSQL docs, 26.3.1; {@code wal_level} is already
     * {@code replica} by default).
     */
    private static List<String> archiveSettings(BranchHistory history) {
        return List.of("archive_mode = on",
            "archive_command = " + ComputeFolder.quoted(history.archiveCommand()));
    }

    /** Without the switch the stop still keeps every commit, only the replicas would not see the last ones. */
    private static void switchWal(ComputeSpec spec, Superuser primary) {
        try {
            primary.query("SELECT pg_switch_wal()");
        } catch (ComputeDriverException e) {
            LOG.warnf("Compute %s: no WAL switch before the stop: %s", spec.computeId(), e.getMessage());
        }
    }

    private void pointAtPrimary(ComputeSpec spec, ComputeFolder folder) {
        try {
            replicas.follow(folder, primaryPort(spec));
        } catch (IOException e) {
            throw new ComputeDriverException("could not point " + folder.home() + " at its primary: "
                + e.getMessage(), e);
        }
    }

    /** The superuser session of the branch's running primary; fails when the primary does not run. */
    private Superuser primaryOf(ComputeSpec spec) {
        int port = primaryPort(spec).orElseThrow(() -> new ComputeDriverException("the primary of branch "
            + spec.branchId() + " does not run: a point in time is recovered while it runs, so that its newest WAL"
            + " reaches the archive"));
        return new Superuser(binaries, primaryFolder(spec), port);
    }

    /** The port of the branch's primary, if it runs. */
    private Optional<Integer> primaryPort(ComputeSpec spec) {
        return primaryFolder(spec).postmaster().map(PostmasterPid::port);
    }

    private ComputeFolder primaryFolder(ComputeSpec spec) {
        return folderOf(new ComputeSpec(spec.computeId(), spec.clusterId(), spec.branchId()));
    }

    /** The port of a running compute, which its private socket carries in its name. */
    private int runningPort(ComputeSpec spec) {
        return folderOf(spec).postmaster()
            .orElseThrow(() -> new ComputeDriverException("compute " + spec.computeId() + " is not running"))
            .port();
    }

    private BranchHistory historyOf(ComputeSpec spec) {
        return BranchHistory.of(dataRoot, spec);
    }

    private ComputeFolder folderOf(ComputeSpec spec) {
        return ComputeFolder.of(dataRoot, spec);
    }

    /** Stops and removes a branch whose recovery failed, so that a retry can succeed; returns the failure. */
    private ComputeDriverException removing(ComputeFolder folder, ComputeDriverException failure) {
        try {
            if (folder.postmaster().isPresent()) {
                user.run(binaries.pgCtl(), "stop", "-m", "immediate", "-w", "-D", folder.data().toString());
            }
            ComputeFolder.deleteTree(folder.data());
        } catch (IOException | ComputeDriverException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }
}
