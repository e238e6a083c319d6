package io.pgdispatch.compute.driver.local;

import io.pgdispatch.compute.config.ComputeConfig;
import io.pgdispatch.compute.driver.ComputeDriver;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the local driver the platform of this compute-manager. */
public class LocalDriverProducer {

    @Produces
    @Singleton
    ComputeDriver localDriver(ComputeConfig config) {
        ComputeConfig.Local local = config.local();
        return new LocalDriver(PostgresBinaries.locate(local.binDir()), local.dataRoot(), local.portRange());
    }
}
