package io.pgdispatch.testing;

import io.pgdispatch.contract.events.CatalogEvent;
import io.pgdispatch.contract.events.Topics;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Every catalog event on a real broker, from the start of the topic, for tests that assert on what was published. */
public final class CatalogEventLog implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a wait goes on after the expected events came, so that an extra one would show. */
    private static final Duration AFTERWARDS = Duration.ofMillis(500);

    private final KafkaCompanion kafka;
    private final ConsumerTask<String, CatalogEvent> events;

    private CatalogEventLog(String bootstrapServers) {
        kafka = new KafkaCompanion(bootstrapServers);
        kafka.registerSerde(CatalogEvent.class, new ObjectMapperSerializer<>(),
            new ObjectMapperDeserializer<>(CatalogEvent.class));
        events = kafka.consume(CatalogEvent.class).withProp("auto.offset.reset", "earliest")
            .fromTopics(Topics.CATALOG_EVENTS);
    }

    public static CatalogEventLog follow(String bootstrapServers) {
        return new CatalogEventLog(bootstrapServers);
    }

    /**
     * The matching events with their keys, in the order published, once at least {@code count} have come (or the
     * wait ran out) and a moment more has passed.
     */
    public List<ConsumerRecord<String, CatalogEvent>> await(Predicate<CatalogEvent> matching, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (matching(matching).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(AFTERWARDS.toMillis());
        return matching(matching);
    }

    private List<ConsumerRecord<String, CatalogEvent>> matching(Predicate<CatalogEvent> matching) {
        return events.getRecords().stream().filter(record -> matching.test(record.value())).toList();
    }

    @Override
    public void close() {
        events.stop();
        kafka.close();
    }
}
