package io.pgdispatch.compute.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of compute-manager. */
@ConfigMapping(prefix = "dispatch.compute")
public interface ComputeConfig {

    /** The platform that runs the computes: {@code local} or {@code kubernetes}. */
    @WithDefault("local")
    Driver driver();

    /** How long a running compute may go without an open session or an EnsureCompute call before it is suspended. */
    @WithDefault("5m")
    Duration idleTimeout();

    /** How often running computes are checked for idleness (read by the scheduler as a property expression). */
    @WithDefault("5s")
    Duration idleCheckInterval();

    /**
     * How long a one-off compute may stay without an open session before it is removed: its session's closed event
     * releases it at once, this catches the ones whose proxy or compute-manager stopped in between.
     */
    @WithDefault("30s")
    Duration oneOffGrace();

    /** How often one-off computes are checked for an ended session (read by the scheduler as an expression). */
    @WithDefault("10s")
    Duration oneOffCheckInterval();

    /**
     * How often running primaries are checked for the WAL written since their newest base backup, which decides
     * whether they take a new one (read by the scheduler as a property expression).
     */
    @WithDefault("30s")
    Duration baseBackupCheckInterval();

    /** The local driver: PostgreSQL processes on this host. */
    Local local();

    /** The kubernetes driver: CloudNativePG Clusters in one namespace. */
    Kubernetes kubernetes();

    /** The platforms compute-manager can drive. */
    enum Driver {
        /** PostgreSQL processes on this host, from the installed server binaries. */
        LOCAL,
        /** CloudNativePG Clusters, through the Kubernetes API. */
        KUBERNETES
    }

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

    /** Settings of the kubernetes driver; the API server and credentials are the Kubernetes client's own. */
    interface Kubernetes {

        /** Namespace of the computes; when absent, the client's namespace (in a pod, the pod's own). */
        Optional<String> namespace();

        /** PostgreSQL image of new computes; when absent, the CloudNativePG operator's default image. */
        Optional<String> imageName();

        /** Size of each compute's data volume, as a Kubernetes quantity. */
        @WithDefault("1Gi")
        String storageSize();

        /** Longest wait for a Cluster to become ready, to hibernate, to scale or to apply roles. */
        @WithDefault("5m")
        Duration readyTimeout();

        /** The object store of the WAL archives and base backups that branches and points in time recover from. */
        Backup backup();
    }

    /** Where the computes' WAL and base backups go, through CloudNativePG's Barman Cloud support. */
    interface Backup {

        /**
         * An object store folder such as {@code s3://bucket/pg-dispatch}; each compute archives below it in a
         * folder named after its Cluster. When absent, computes are not backed up and branches and points in time
         * are refused.
         */
        Optional<String> destinationPath();

        /** The endpoint of an S3-compatible store that is not AWS S3 (for example MinIO). */
        Optional<String> endpointUrl();

        /** The Secret in the computes' namespace holding {@code ACCESS_KEY_ID} and {@code ACCESS_SECRET_KEY}. */
        @WithDefault("pg-dispatch-backup")
        String credentialsSecret();

        /** When base backups are taken, as a six-field cron expression (seconds first); one is taken at creation. */
        @WithDefault("0 0 3 * * *")
        String schedule();
    }
}
