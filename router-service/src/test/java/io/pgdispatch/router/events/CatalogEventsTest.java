package io.pgdispatch.router.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.contract.events.CatalogEvent;
import io.pgdispatch.contract.events.Topics;
import io.pgdispatch.router.support.Accounts;
import io.pgdispatch.router.support.ReachableAuthService;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.pgdispatch.testing.KafkaBroker;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Changes made through the management API reach Kafka as catalog events on a real broker: one per committed
 * change, keyed by cluster, and none for a refused request.
 */
@QuarkusTest
@TestProfile(ReachableAuthService.class)
@QuarkusTestResource(ControlPlaneDatabase.class)
@QuarkusTestResource(KafkaBroker.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogEventsTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaServers;

    private KafkaCompanion kafka;
    private ConsumerTask<String, CatalogEvent> events;

    @BeforeAll
    void consume() {
        kafka = new KafkaCompanion(kafkaServers);
        kafka.registerSerde(CatalogEvent.class, new ObjectMapperSerializer<>(),
            new ObjectMapperDeserializer<>(CatalogEvent.class));
        events = kafka.consume(CatalogEvent.class).withProp("auto.offset.reset", "earliest")
            .fromTopics(Topics.CATALOG_EVENTS);
    }

    @AfterAll
    void stop() {
        events.stop();
        kafka.close();
    }

    @Test
    void everyEndpointChangeAndClusterSettingIsPublishedInOrder() throws InterruptedException {
        Accounts alice = Accounts.fresh();
        String cluster = alice.createCluster("events");
        Instant before = Instant.now();

        String id = alice.request().body("{\"listenAddress\": \"127.0.0.61:5432\"}")
            .post("/v1/clusters/" + cluster + "/endpoints")
            .then().statusCode(201).extract().path("id");
        alice.request().body("{\"allowedAddresses\": [\"10.0.0.0/33\"]}").put("/v1/endpoints/" + id)
            .then().statusCode(400);
        alice.request().body("{\"allowedAddresses\": [\"10.0.0.0/8\"]}").put("/v1/endpoints/" + id)
            .then().statusCode(200);
        alice.request().body("{\"optionsRoutingAllowed\": false}").patch("/v1/clusters/" + cluster)
            .then().statusCode(200);
        alice.request().delete("/v1/endpoints/" + id).then().statusCode(204);

        List<ConsumerRecord<String, CatalogEvent>> published = awaitEventsOf(cluster, 4);

        assertEquals(List.of(CatalogEvent.Type.ENDPOINT_CHANGED, CatalogEvent.Type.ENDPOINT_CHANGED,
            CatalogEvent.Type.CLUSTER_CHANGED, CatalogEvent.Type.ENDPOINT_CHANGED),
            published.stream().map(record -> record.value().type()).toList());
        assertEquals(List.of(id, id, cluster, id),
            published.stream().map(record -> record.value().subjectId()).toList());
        for (ConsumerRecord<String, CatalogEvent> record : published) {
            assertEquals(cluster, record.key());
            assertEquals(alice.accountId(), record.value().accountId());
            assertTrue(!record.value().time().isBefore(before), record.value().toString());
        }
        assertEquals(4, published.stream().map(record -> record.value().id()).distinct().count());
    }

    /** Waits for {@code count} events of the cluster, then a moment more, so that an extra one would show. */
    private List<ConsumerRecord<String, CatalogEvent>> awaitEventsOf(String clusterId, int count)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(EVENT_WAIT);
        while (eventsOf(clusterId).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        return eventsOf(clusterId);
    }

    private List<ConsumerRecord<String, CatalogEvent>> eventsOf(String clusterId) {
        return events.getRecords().stream()
            .filter(record -> record.value().clusterId().equals(clusterId))
            .toList();
    }
}
