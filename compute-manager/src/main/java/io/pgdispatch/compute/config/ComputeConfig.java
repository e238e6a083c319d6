package io.pgdispatch.compute.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of compute-manager. */
@ConfigMapping(prefix = "dispatch.compute")
public interface ComputeConfig {

    /** How long a running compute may go without an open session or an EnsureCompute call before it is suspended. */
    @WithDefault("5m")
    Duration idleTimeout();

    /** How often running computes are checked for idleness (read by the scheduler as a property expression). */
    @WithDefault("5s")
    Duration idleCheckInterval();

    /** The local driver: PostgreSQL processes on this host. */
    Local local();

    /** Settings of the local driver. */
    interface Local {

        /** Folder of the PostgreSQL server binaries; when absent, {@code pg_config --bindir} names it. */
        Optional<Path> binDir();

        /**
         * Where computes keep their data, as {@code <root>/<cluster-id>/<branch-id>/pgdata}. Every parent folder
         * must be traversable by the postgres system user.
         */
        @WithDefault("${java.io.tmpdir}/pg-dispatch/computes")
        Path dataRoot();

        /** The ports computes listen on (on 127.0.0.1), as {@code first-last}. */
        @WithDefault("55000-55999")
        String portRange();
    }
}
