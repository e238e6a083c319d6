package io.pgdispatch.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.auth.TestAccounts;
import io.pgdispatch.contract.auth.v1.AuthService;
import io.pgdispatch.contract.auth.v1.GetRoleSecretRequest;
import io.pgdispatch.contract.auth.v1.GetRoleSecretResponse;
import io.pgdispatch.contract.events.CatalogEvent;
import io.pgdispatch.testing.CatalogEventLog;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.pgdispatch.testing.KafkaBroker;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Changing a role's password and removing a role through the REST API, each announced by a catalog event on a real
 * broker, keyed by account; refused requests change nothing and announce nothing.
 */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
@QuarkusTestResource(KafkaBroker.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleChangeApiTest {

    @GrpcClient("auth")
    AuthService auth;

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
    void aNewPasswordReplacesTheVerifierAndIsAnnounced() throws InterruptedException {
        TestAccounts.Created account = TestAccounts.create("demo");
        TestAccounts.createRole(account, "app", "first-password");
        String before = secret(account, "app").getScramVerifier();

        given().auth().oauth2(account.apiKey()).contentType(ContentType.JSON)
            .body(Map.of("password", "second-password"))
            .when().put("/v1/roles/app/password")
            .then().statusCode(204);

        String after = secret(account, "app").getScramVerifier();
        assertNotEquals(before, after);
        assertTrue(after.startsWith("SCRAM-SHA-256$4096:"), after);
        List<CatalogEvent> announced = roleEvents(account, 2);
        assertEquals(List.of("app", "app"), announced.stream().map(CatalogEvent::subjectId).toList(),
            "one event for the creation, one for the new password");
    }

    @Test
    void aRemovedRoleIsGoneAndAnnounced() throws InterruptedException {
        TestAccounts.Created account = TestAccounts.create("demo");
        TestAccounts.createRole(account, "app", "first-password");
        TestAccounts.createRole(account, "reporting", "first-password");

        given().auth().oauth2(account.apiKey()).when().delete("/v1/roles/app").then().statusCode(204);

        assertFalse(secret(account, "app").getFound());
        given().auth().oauth2(account.apiKey()).when().get("/v1/roles").then().body("name", contains("reporting"));
        assertEquals(List.of("app", "reporting", "app"),
            roleEvents(account, 3).stream().map(CatalogEvent::subjectId).toList());
    }

    @Test
    void refusedChangesChangeNothing() throws InterruptedException {
        TestAccounts.Created account = TestAccounts.create("demo");
        TestAccounts.Created stranger = TestAccounts.create("stranger");
        TestAccounts.createRole(account, "app", "first-password");
        String before = secret(account, "app").getScramVerifier();

        given().auth().oauth2(account.apiKey()).contentType(ContentType.JSON).body(Map.of("password", "short"))
            .when().put("/v1/roles/app/password")
            .then().statusCode(400).body("error", matchesPattern(".*at least 8 characters.*"));
        given().auth().oauth2(account.apiKey()).contentType(ContentType.JSON).body("{}")
            .when().put("/v1/roles/app/password")
            .then().statusCode(400);
        given().auth().oauth2(account.apiKey()).contentType(ContentType.JSON)
            .body(Map.of("password", "long-enough"))
            .when().put("/v1/roles/nobody/password")
            .then().statusCode(404).body("error", matchesPattern(".*\"nobody\" does not exist.*"));
        given().auth().oauth2(stranger.apiKey()).contentType(ContentType.JSON)
            .body(Map.of("password", "long-enough"))
            .when().put("/v1/roles/app/password")
            .then().statusCode(404);
        given().auth().oauth2(stranger.apiKey()).when().delete("/v1/roles/app").then().statusCode(404);
        given().when().delete("/v1/roles/app").then().statusCode(401);

        assertEquals(before, secret(account, "app").getScramVerifier());
        assertEquals(1, roleEvents(account, 1).size(), "only the creation was announced");
        assertTrue(roleEvents(stranger, 0).isEmpty());
    }

    private GetRoleSecretResponse secret(TestAccounts.Created account, String role) {
        return auth.getRoleSecret(GetRoleSecretRequest.newBuilder()
                .setAccountId(account.id()).setRoleName(role).build())
            .await().atMost(Duration.ofSeconds(10));
    }

    /** The role events of one account, each checked to be keyed by the account. */
    private List<CatalogEvent> roleEvents(TestAccounts.Created account, int expected) throws InterruptedException {
        List<ConsumerRecord<String, CatalogEvent>> found = events.await(event -> event.type()
            == CatalogEvent.Type.ROLE_CHANGED && account.id().equals(event.accountId()), expected);
        found.forEach(record -> assertEquals(account.id(), record.key(), "keyed by account"));
        return found.stream().map(ConsumerRecord::value).toList();
    }
}
