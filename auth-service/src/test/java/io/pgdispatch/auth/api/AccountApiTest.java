package io.pgdispatch.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.auth.TestAccounts;
import io.pgdispatch.contract.target.ResourceName;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creating accounts, and how an API key admits or refuses a caller. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class AccountApiTest {

    @Test
    void createdAccountGetsAnIdForHostNamesAndAKeyShownOnce() {
        JsonPath created = given().contentType(ContentType.JSON).body(Map.of("name", "demo"))
            .when().post("/v1/accounts")
            .then().statusCode(201)
            .body("name", equalTo("demo"))
            .body("apiKey", matchesPattern("pgd_[A-Za-z0-9_-]{43}"))
            .extract().jsonPath();
        String id = created.getString("id");
        assertTrue(ResourceName.isValid(id), id);

        given().auth().oauth2(created.getString("apiKey"))
            .when().get("/v1/account")
            .then().statusCode(200)
            .body("id", equalTo(id))
            .body("name", equalTo("demo"))
            .body("createdAt", notNullValue())
            .body("$", not(hasKey("apiKey")));
    }

    @Test
    void eachAccountGetsItsOwnIdAndKey() {
        TestAccounts.Created first = TestAccounts.create("twin");
        TestAccounts.Created second = TestAccounts.create("twin");

        assertNotEquals(first.id(), second.id());
        assertNotEquals(first.apiKey(), second.apiKey());
        given().auth().oauth2(second.apiKey()).when().get("/v1/account").then().body("id", equalTo(second.id()));
    }

    @Test
    void unknownKeyIsRefused() {
        TestAccounts.Created account = TestAccounts.create("demo");
        String wrongKey = account.apiKey().substring(0, account.apiKey().length() - 2) + "xx";

        given().auth().oauth2(wrongKey)
            .when().get("/v1/account")
            .then().statusCode(401)
            .header("WWW-Authenticate", "Bearer")
            .body("error", matchesPattern(".*not valid.*"));
    }

    @Test
    void missingKeyIsRefused() {
        given().when().get("/v1/account")
            .then().statusCode(401)
            .body("error", matchesPattern(".*Authorization: Bearer.*"));
    }

    @Test
    void accountNeedsAName() {
        given().contentType(ContentType.JSON).body(Map.of("name", " "))
            .when().post("/v1/accounts")
            .then().statusCode(400)
            .body("error", matchesPattern(".*\"name\".*"));
        given().contentType(ContentType.JSON)
            .when().post("/v1/accounts")
            .then().statusCode(400)
            .body("error", notNullValue());
    }

    @Test
    void unreadableJsonIsAJsonError() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
            .when().post("/v1/accounts")
            .then().statusCode(400)
            .body("error", matchesPattern(".*see /q/openapi.*"));
    }

    @Test
    void openApiDocumentsTheApiAndItsKey() {
        given().accept(ContentType.JSON)
            .when().get("/q/openapi")
            .then().statusCode(200)
            .body("paths", hasKey("/v1/accounts"))
            .body("paths", hasKey("/v1/account"))
            .body("paths", hasKey("/v1/roles"))
            .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"));
    }
}
