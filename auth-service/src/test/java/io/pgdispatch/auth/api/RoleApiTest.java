package io.pgdispatch.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.auth.TestAccounts;
import io.pgdispatch.contract.auth.v1.AuthService;
import io.pgdispatch.contract.auth.v1.GetRoleSecretRequest;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creating and listing roles through the REST API, within one account. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class RoleApiTest {

    @GrpcClient("auth")
    AuthService auth;

    @Test
    void createdRolesAreListedByNameWithoutTheirSecret() {
        TestAccounts.Created account = TestAccounts.create("demo");

        String created = given().auth().oauth2(account.apiKey()).contentType(ContentType.JSON)
            .body(Map.of("name", "bob", "password", "bob-secret-1"))
            .when().post("/v1/roles")
            .then().statusCode(201)
            .body("name", equalTo("bob"))
            .body("createdAt", notNullValue())
            .extract().asString();
        TestAccounts.createRole(account, "alice", "alice-secret-1");
        String listed = given().auth().oauth2(account.apiKey())
            .when().get("/v1/roles")
            .then().statusCode(200)
            .body("name", contains("alice", "bob"))
            .extract().asString();

        String verifier = auth.getRoleSecret(GetRoleSecretRequest.newBuilder()
                .setAccountId(account.id()).setRoleName("bob").build())
            .await().atMost(Duration.ofSeconds(10)).getScramVerifier();
        assertTrue(verifier.startsWith("SCRAM-SHA-256$4096:"), "the role is stored as a SCRAM verifier");
        for (String body : List.of(created, listed)) {
            assertFalse(body.contains(verifier) || body.contains("SCRAM") || body.contains("secret-1"), body);
        }
    }

    @Test
    void secondRoleOfTheSameNameConflicts() {
        TestAccounts.Created account = TestAccounts.create("demo");
        TestAccounts.createRole(account, "app", "first-password");

        given().auth().oauth2(account.apiKey()).contentType(ContentType.JSON)
            .body(Map.of("name", "app", "password", "second-password"))
            .when().post("/v1/roles")
            .then().statusCode(409)
            .body("error", matchesPattern(".*\"app\" already exists.*"));
    }

    @Test
    void namesPostgresWouldRefuseOrReservesAreRejected() {
        TestAccounts.Created account = TestAccounts.create("demo");
        List<String> badNames = List.of("", "Alice", "1app", "app-user", "a".repeat(64), "postgres", "pg_monitor",
            "public", "anonymous", "dispatch_anonymous");

        for (String name : badNames) {
            given().auth().oauth2(account.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "password", "long-enough"))
                .when().post("/v1/roles")
                .then().statusCode(400)
                .body("error", matchesPattern(".*role name.*"));
        }
        given().auth().oauth2(account.apiKey()).when().get("/v1/roles").then().body("$", empty());
    }

    @Test
    void longestAllowedNameIsAccepted() {
        TestAccounts.Created account = TestAccounts.create("demo");

        TestAccounts.createRole(account, "_" + "a".repeat(62), "long-enough");
    }

    @Test
    void shortPasswordIsRejected() {
        TestAccounts.Created account = TestAccounts.create("demo");

        given().auth().oauth2(account.apiKey()).contentType(ContentType.JSON)
            .body(Map.of("name", "app", "password", "1234567"))
            .when().post("/v1/roles")
            .then().statusCode(400)
            .body("error", matchesPattern(".*at least 8 characters.*"));
    }

    @Test
    void accountsSeeOnlyTheirOwnRoles() {
        TestAccounts.Created first = TestAccounts.create("first");
        TestAccounts.Created second = TestAccounts.create("second");
        TestAccounts.createRole(first, "shared_name", "first-password");

        given().auth().oauth2(second.apiKey()).when().get("/v1/roles").then().statusCode(200).body("$", empty());
        TestAccounts.createRole(second, "shared_name", "second-password");
        given().auth().oauth2(first.apiKey()).when().get("/v1/roles").then().body("name", contains("shared_name"));
    }

    @Test
    void rolesNeedAKey() {
        given().when().get("/v1/roles").then().statusCode(401).body("error", notNullValue());
        given().auth().oauth2("pgd_unknown").contentType(ContentType.JSON)
            .body(Map.of("name", "app", "password", "long-enough"))
            .when().post("/v1/roles")
            .then().statusCode(401);
    }
}
