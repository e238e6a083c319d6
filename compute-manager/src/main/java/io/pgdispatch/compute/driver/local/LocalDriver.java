package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.driver.ComputeDriver;
import io.pgdispatch.compute.driver.ComputeDriverException;
import io.pgdispatch.compute.driver.ComputeEndpoint;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.driver.RoleSecret;
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
        ComputeFolder folder = ComputeFolder.of(dataRoot, spec);
        if (folder.isInitialized()) {
            return folder.data().toString();
        }
        try {
            folder.prepare(user);
            user.run(binaries.initdb(), "-D", folder.data().toString(), "--auth-local=trust",
                "--auth-host=scram-sha-256", "-U", SUPERUSER, "-E", "UTF8", "--no-sync", "--no-instructions")
                .orFail("initdb");
            folder.configure();
        } catch (IOException e) {
            throw new ComputeDriverException("could not prepare " + folder.home() + ": " + e.getMessage(), e);
        }
        LOG.infof("Compute %s: created %s", spec.computeId(), folder.data());
        return folder.data().toString();
    }

    @Override
    public ComputeEndpoint start(ComputeSpec spec) {
        ComputeFolder folder = ComputeFolder.of(dataRoot, spec);
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
        ComputeFolder folder = ComputeFolder.of(dataRoot, spec);
        int port = PostmasterPid.read(folder.data())
            .orElseThrow(() -> new ComputeDriverException("compute " + spec.computeId() + " is not running"))
            .port();
        List<String> psql = List.of(binaries.psql(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction",
            "-h", folder.socket().toString(), "-p", Integer.toString(port), "-U", SUPERUSER, "-d", "postgres",
            "-f", "-");
        Command.run(psql, RoleScript.of(roles)).orFail("applying roles with psql");
        LOG.debugf("Compute %s: applied %d roles", spec.computeId(), roles.size());
    }

    @Override
    public void stop(ComputeSpec spec) {
        ComputeFolder folder = ComputeFolder.of(dataRoot, spec);
        if (running(spec).isEmpty()) {
            return;
        }
        user.run(binaries.pgCtl(), "stop", "-m", "fast", "-w", "-D", folder.data().toString()).orFail("pg_ctl stop");
        LOG.infof("Compute %s: PostgreSQL stopped", spec.computeId());
    }

    /** A postmaster.pid names the port, and its process id tells whether the server still lives. */
    @Override
    public Optional<ComputeEndpoint> running(ComputeSpec spec) {
        return PostmasterPid.read(ComputeFolder.of(dataRoot, spec).data())
            .filter(PostmasterPid::alive)
            .map(pid -> new ComputeEndpoint(HOST, pid.port()));
    }
}
