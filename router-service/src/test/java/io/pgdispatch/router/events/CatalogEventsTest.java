package io.pgdispatch.router.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.contract.events.CatalogEvent;
import io.pgdispatch.router.support.Accounts;
import io.pgdispatch.router.support.ReachableAuthService;
import io.pgdispatch.testing.CatalogEventLog;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.pgdispatch.testing.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaServers;

    private CatalogEventLog events;

    @BeforeAll
    void consume() {
        events = CatalogEventLog.follow(kafkaServers);
    }

    @AfterAll
    void stop() {
        events.close();
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

        List<ConsumerRecord<String, CatalogEvent>> published = events.await(
            event -> cluster.equals(event.clusterId()), 4);

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
}
