package io.pgdispatch.compute.driver;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pgdispatch.compute.config.ComputeConfig;
import io.pgdispatch.compute.driver.kubernetes.KubernetesDriver;
import io.pgdispatch.compute.driver.local.LocalDriver;
import io.pgdispatch.compute.driver.local.PostgresBinaries;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes the driver that {@code dispatch.compute.driver} names. The Kubernetes client is looked up only for the
 * kubernetes driver, so with the local driver no client is made and no API server is ever contacted.
 */
public class ComputeDriverProducer {

    @Produces
    @Singleton
    ComputeDriver driver(ComputeConfig config, Instance<KubernetesClient> kubernetes) {
        return switch (config.driver()) {
            case LOCAL -> local(config.local());
            case KUBERNETES -> new KubernetesDriver(kubernetes.get(), config.kubernetes());
        };
    }

    private static LocalDriver local(ComputeConfig.Local local) {
        return new LocalDriver(PostgresBinaries.locate(local.binDir()), local.dataRoot(), local.portRange());
    }
}
