package io.pgdispatch.compute.driver.kubernetes;

import io.pgdispatch.compute.config.ComputeConfig;
import java.time.Duration;
import java.util.Optional;

/** The kubernetes driver's settings in tests: the mock client's namespace, an S3 archive, short waits. */
record TestSettings(Duration readyTimeout, Optional<String> destinationPath) implements ComputeConfig.Kubernetes {

    static final String ARCHIVE = "s3://backups/pg-dispatch";

    static TestSettings withArchive() {
        return new TestSettings(Duration.ofSeconds(10), Optional.of(ARCHIVE));
    }

    static TestSettings withoutArchive() {
        return new TestSettings(Duration.ofSeconds(10), Optional.empty());
    }

    TestSettings waitingAtMost(Duration timeout) {
        return new TestSettings(timeout, destinationPath);
    }

    @Override
    public Optional<String> namespace() {
        return Optional.empty();
    }

    @Override
    public Optional<String> imageName() {
        return Optional.of("ghcr.io/cloudnative-pg/postgresql:17.5");
    }

    @Override
    public String storageSize() {
        return "2Gi";
    }

    @Override
    public ComputeConfig.Backup backup() {
        return new ComputeConfig.Backup() {
            @Override
            public Optional<String> destinationPath() {
                return destinationPath;
            }

            @Override
            public Optional<String> endpointUrl() {
                return Optional.of("http://minio.storage:9000");
            }

            @Override
            public String credentialsSecret() {
                return "backup-credentials";
            }

            @Override
            public String schedule() {
                return "0 0 3 * * *";
            }
        };
    }
}
