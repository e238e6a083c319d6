package io.pgdispatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.util.Map;

/** A real single-node Kafka broker (KRaft) inside the test JVM, for a {@code @QuarkusTest}. */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = new EmbeddedKafkaBroker().withDeleteLogDirsOnClose(true);
        String servers = broker.start().getAdvertisedListeners();
        return Map.of("kafka.bootstrap.servers", servers);
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
