package io.pgdispatch.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads compute-manager's compute events from Kafka, from the beginning of the topic, as a consumer would. */
final class ComputeEventLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<JsonNode> events = new ArrayList<>();

    ComputeEventLog(DispatchSystem system) {
        consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("dispatch.compute-events"));
    }

    /** Every event so far of the given type for the cluster, oldest first. */
    List<JsonNode> of(String clusterId, String type) throws Exception {
        poll(Duration.ofMillis(500));
        return events.stream()
            .filter(event -> clusterId.equals(event.path("clusterId").asText()))
            .filter(event -> type.equals(event.path("type").asText()))
            .toList();
    }

    /** Waits until the cluster has at least {@code count} events of the type; fails after the timeout. */
    List<JsonNode> await(String clusterId, String type, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> found = of(clusterId, type);
        while (found.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + count + " " + type + " events for " + clusterId + " within "
                    + timeout.toSeconds() + " s; seen " + events);
            }
            found = of(clusterId, type);
        }
        return found;
    }

    private void poll(Duration timeout) throws Exception {
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            events.add(JSON.readTree(record.value()));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
