package io.pgdispatch.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.pgdispatch.auth.TestAccounts;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registering the OIDC logins that may confirm an account's login links. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class LoginIdentityApiTest {

    private static final String ISSUER = "https://id.example.com/";

    @Test
    void anIdentityIsListedOnlyByItsOwnAccount() {
        TestAccounts.Created owner = TestAccounts.create("owner");
        TestAccounts.Created other = TestAccounts.create("other");
        String subject = "person-" + UUID.randomUUID();

        given().auth().oauth2(owner.apiKey()).contentType(ContentType.JSON)
            .body(Map.of("issuer", ISSUER, "subject", subject))
            .when().post("/v1/login-identities")
            .then().statusCode(201)
            .body("issuer", equalTo(ISSUER))
            .body("subject", equalTo(subject));

        given().auth().oauth2(owner.apiKey()).when().get("/v1/login-identities")
            .then().statusCode(200).body("subject", hasSize(1)).body("[0].subject", equalTo(subject));
        given().auth().oauth2(other.apiKey()).when().get("/v1/login-identities")
            .then().statusCode(200).body("$", empty());

        given().auth().oauth2(other.apiKey()).queryParam("issuer", ISSUER).queryParam("subject", subject)
            .when().delete("/v1/login-identities").then().statusCode(404);
        given().auth().oauth2(owner.apiKey()).queryParam("issuer", ISSUER).queryParam("subject", subject)
            .when().delete("/v1/login-identities").then().statusCode(204);
        given().auth().oauth2(owner.apiKey()).when().get("/v1/login-identities")
            .then().statusCode(200).body("$", empty());
    }

    @Test
    void anIdentityActsForOneAccountOnly() {
        TestAccounts.Created owner = TestAccounts.create("owner");
        TestAccounts.Created other = TestAccounts.create("other");
        Map<String, String> identity = Map.of("issuer", ISSUER, "subject", "person-" + UUID.randomUUID());
        given().auth().oauth2(owner.apiKey()).contentType(ContentType.JSON).body(identity)
            .when().post("/v1/login-identities").then().statusCode(201);

        given().auth().oauth2(other.apiKey()).contentType(ContentType.JSON).body(identity)
            .when().post("/v1/login-identities")
            .then().statusCode(409).body("error", containsString("one account only"));
    }

    @Test
    void missingClaimsAndMissingKeysAreRefused() {
        TestAccounts.Created owner = TestAccounts.create("owner");
        given().auth().oauth2(owner.apiKey()).contentType(ContentType.JSON).body(Map.of("issuer", ISSUER))
            .when().post("/v1/login-identities")
            .then().statusCode(400).body("error", containsString("subject must be given"));
        given().auth().oauth2(owner.apiKey()).contentType(ContentType.JSON)
            .body(Map.of("issuer", ISSUER, "subject", "x".repeat(256)))
            .when().post("/v1/login-identities")
            .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("issuer", ISSUER, "subject", "someone"))
            .when().post("/v1/login-identities")
            .then().statusCode(401);
    }

    @Test
    void theTargetLinkPagesOfferFirstIsSetReadAndClearedPerAccount() {
        TestAccounts.Created owner = TestAccounts.create("owner");
        TestAccounts.Created other = TestAccounts.create("other");
        given().auth().oauth2(owner.apiKey()).when().get("/v1/account/link-target").then().statusCode(404);

        given().auth().oauth2(owner.apiKey()).contentType(ContentType.JSON)
            .body(Map.of("target", "branch:cshop/testing"))
            .when().put("/v1/account/link-target")
            .then().statusCode(200).body("target", equalTo("branch:cshop/testing"));
        given().auth().oauth2(owner.apiKey()).when().get("/v1/account/link-target")
            .then().statusCode(200).body("target", equalTo("branch:cshop/testing"));
        given().auth().oauth2(other.apiKey()).when().get("/v1/account/link-target").then().statusCode(404);

        given().auth().oauth2(owner.apiKey()).contentType(ContentType.JSON).body(Map.of("target", "shop"))
            .when().put("/v1/account/link-target")
            .then().statusCode(400).body("error", containsString("neither branch:<cluster-id>/<branch>"));
        given().auth().oauth2(owner.apiKey()).when().delete("/v1/account/link-target").then().statusCode(204);
        given().auth().oauth2(owner.apiKey()).when().get("/v1/account/link-target").then().statusCode(404);
    }

    @Test
    void theLinkPageAsksForALoginWhenNoProviderIsConfigured() {
        given().redirects().follow(false).when().get("/link/some-link")
            .then().statusCode(401);
    }
}
