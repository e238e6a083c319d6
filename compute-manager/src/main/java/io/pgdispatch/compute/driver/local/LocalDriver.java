package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriver;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.RoleSecret;
import io.pgdispatch.compute.driver.StorageExistsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Computes as PostgreSQL processes on this host, made from the installed server binaries. Each branch has its own
 * data directory; a compute listens on 127.0.0.1 with SCRAM authentication, and on a private unix socket where
 * compute-manager is trusted as superuser {@code postgres}. Processes outlive compute-manager and are found again
 * through their {@code postmaster.pid}.
 *
 * <p>Limitation: only branch primaries run here; read replicas, one-off and point-in-time computes are refused
 * with a {@link ComputeDriverException} (the kubernetes driver makes them).
 */
public final class LocalDriver implements ComputeDriver {

    private static final Logger LOG = Logger.getLogger(LocalDriver.class);
    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "postgres";

    private final PostgresBinaries binaries;
    private final Path dataRoot;
    private final PortRange ports;
    private final ServerUser user = ServerUser.detect();

    public LocalDriver(PostgresBinaries binaries, Path dataRoot, String portRange) {
        this.binaries = binaries;
        this.dataRoot = dataRoot.toAbsolutePath();
        this.ports = PortRange.parse(portRange);
    }

    @Override
    public String ensureStorage(ComputeSpec spec) {
        ComputeFolder folder = folderOf(spec);
        if (folder.isInitialized()) {
            return folder.data().toString();
        }
        try {
            folder.prepare(user);
            user.run(binaries.initdb(), "-D", folder.data().toString(), "--auth-local=trust",
                "--auth-host=scram-sha-256", "-U", SUPERUSER, "-E", "UTF8", "--no-sync", "--no-instructions")
                .orFail("initdb");
            folder.configure(folder.data());
        } catch (IOException e) {
            throw new ComputeDriverException("could not prepare " + folder.home() + ": " + e.getMessage(), e);
        }
        LOG.infof("Compute %s: created %s", spec.computeId(), folder.data());
        return folder.data().toString();
    }

    /**
     * pg_basebackup from the parent's private socket, as superuser over the {@code local replication all trust}
     * line initdb writes with {@code --auth-local=trust}. A fast checkpoint starts the copy at once instead of
     * after a spread one; the WAL written meanwhile is streamed beside it, so the copy is consistent on its own.
     * Without {@code -R} it gets no standby.signal: its first start replays that WAL and it runs as a primary of its
     * own. {@code --no-sync} saves the flush because that first start, a recovery from the backup label, syncs the
     * whole data folder before anything else; {@code --no-manifest} because the copy is started, never restored.
     *
     * <p>Limitation: the copy must finish within the 120 s every command of this driver gets, which bounds the
     * size of a parent that can be branched. Limitation: unlogged tables are empty in the copy, as in every base
     * backup, and the copy keeps the parent's database system identifier.
     */
    @Override
    public void createBranchStorage(ComputeSpec parent, ComputeSpec branch) {
        ComputeFolder source = folderOf(parent);
        ComputeFolder target = folderOf(branch);
        if (target.hasData()) {
            throw new StorageExistsException("branch " + branch.branchId() + " already has storage at "
                + target.data() + ": choose another branch id");
        }
        int port = runningPort(parent);
        try {
            target.prepare(user);
            target.discardCopy();
            user.run(binaries.pgBasebackup(), "-D", target.copy().toString(), "-h", source.socket().toString(),
                "-p", Integer.toString(port), "-U", SUPERUSER, "--checkpoint=fast", "--wal-method=stream",
                "--no-sync", "--no-manifest").orFail("pg_basebackup");
            target.configure(target.copy());
            target.adoptCopy();
        } catch (IOException e) {
            throw discarding(target, new ComputeDriverException("could not copy into " + target.home() + ": "
                + e.getMessage(), e));
        } catch (ComputeDriverException e) {
            throw discarding(target, e);
        }
        LOG.infof("Compute %s: created %s as a copy of %s", branch.computeId(), target.data(), source.data());
    }

    @Override
    public ComputeEndpoint start(ComputeSpec spec) {
        ComputeFolder folder = folderOf(spec);
        int port = ports.allocate();
        CommandResult result = user.run(binaries.pgCtl(), "start", "-w", "-D", folder.data().toString(),
            "-l", folder.log().toString(), "-o", "-p " + port);
        if (!result.succeeded()) {
            throw new ComputeDriverException("PostgreSQL did not start: " + result.output().trim()
                + "\nServer log:\n" + folder.logTail());
        }
        LOG.infof("Compute %s: PostgreSQL runs on %s:%d", spec.computeId(), HOST, port);
        return new ComputeEndpoint(HOST, port);
    }

    @Override
    public void applyRoles(ComputeSpec spec, List<RoleSecret> roles) {
        if (roles.isEmpty()) {
            return;
        }
        ComputeFolder folder = folderOf(spec);
        int port = runningPort(spec);
        List<String> psql = List.of(binaries.psql(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction",
            "-h", folder.socket().toString(), "-p", Integer.toString(port), "-U", SUPERUSER, "-d", "postgres",
            "-f", "-");
        Command.run(psql, RoleScript.of(roles)).orFail("applying roles with psql");
        LOG.debugf("Compute %s: applied %d roles", spec.computeId(), roles.size());
    }

    @Override
    public void stop(ComputeSpec spec) {
        ComputeFolder folder = folderOf(spec);
        if (running(spec).isEmpty()) {
            return;
        }
        user.run(binaries.pgCtl(), "stop", "-m", "fast", "-w", "-D", folder.data().toString()).orFail("pg_ctl stop");
        LOG.infof("Compute %s: PostgreSQL stopped", spec.computeId());
    }

    /** A postmaster.pid names the port, and its process id tells whether the server still lives. */
    @Override
    public Optional<ComputeEndpoint> running(ComputeSpec spec) {
        return PostmasterPid.read(folderOf(spec).data())
            .filter(PostmasterPid::alive)
            .map(pid -> new ComputeEndpoint(HOST, pid.port()));
    }

    /** The port of a running compute, which its private socket carries in its name. */
    private int runningPort(ComputeSpec spec) {
        return PostmasterPid.read(folderOf(spec).data())
            .orElseThrow(() -> new ComputeDriverException("compute " + spec.computeId() + " is not running"))
            .port();
    }

    /** The folder of a branch primary; refuses the kinds of compute this driver cannot make. */
    private ComputeFolder folderOf(ComputeSpec spec) {
        if (spec.kind() != ComputeSpec.Kind.PRIMARY) {
            throw new ComputeDriverException("the local driver runs only branch primaries, not a " + spec.kind()
                + " compute: connect to the primary, or run compute-manager with dispatch.compute.driver=kubernetes");
        }
        return ComputeFolder.of(dataRoot, spec);
    }

    /** Removes a half-made copy so that a retry can succeed; returns the failure to throw. */
    private static ComputeDriverException discarding(ComputeFolder folder, ComputeDriverException failure) {
        try {
            folder.discardCopy();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }
}
