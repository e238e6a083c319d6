package io.pgdispatch.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgdispatch.auth.TestAccounts;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replacing an account's API key: a second key is made, the first removed, and the last one is kept. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class ApiKeyApiTest {

    @Test
    void aKeyIsReplacedWithoutAMomentWithoutOne() {
        TestAccounts.Created owner = TestAccounts.create("owner");
        String firstId = keys(owner.apiKey()).getString("[0].id");

        JsonPath created = given().auth().oauth2(owner.apiKey())
            .when().post("/v1/account/api-keys")
            .then().statusCode(201)
            .body("apiKey", matchesPattern("pgd_[A-Za-z0-9_-]{43}"))
            .body("apiKey", not(equalTo(owner.apiKey())))
            .extract().jsonPath();
        String second = created.getString("apiKey");

        JsonPath listed = keys(second);
        assertAccount(second, owner.id());
        assertAccount(owner.apiKey(), owner.id());
        given().auth().oauth2(second).when().delete("/v1/account/api-keys/" + firstId).then().statusCode(204);

        given().auth().oauth2(owner.apiKey()).when().get("/v1/account")
            .then().statusCode(401).body("error", containsString("was removed"));
        assertAccount(second, owner.id());
        assertEquals(List.of(firstId, created.getString("id")),
            listed.getList("id"));
        assertEquals(List.of(false, true), listed.getList("current"));
        assertEquals(List.of(created.getString("id")), keys(second).getList("id"));
    }

    @Test
    void theLastKeyIsKept() {
        TestAccounts.Created owner = TestAccounts.create("owner");
        String only = keys(owner.apiKey()).getString("[0].id");

        given().auth().oauth2(owner.apiKey()).when().delete("/v1/account/api-keys/" + only)
            .then().statusCode(409)
            .body("error", equalTo("API key \"" + only + "\" is the account's last: make another with POST"
                + " /v1/account/api-keys, then remove this one"));

        assertAccount(owner.apiKey(), owner.id());
    }

    @Test
    void anotherAccountsKeyIsNotFoundAndKeepsWorking() {
        TestAccounts.Created owner = TestAccounts.create("owner");
        TestAccounts.Created other = TestAccounts.create("other");
        given().auth().oauth2(owner.apiKey()).when().post("/v1/account/api-keys").then().statusCode(201);
        String othersKey = keys(other.apiKey()).getString("[0].id");

        given().auth().oauth2(owner.apiKey()).when().delete("/v1/account/api-keys/" + othersKey)
            .then().statusCode(404).body("error", containsString("GET /v1/account/api-keys lists"));
        given().auth().oauth2(owner.apiKey()).when().delete("/v1/account/api-keys/knotakey0000")
            .then().statusCode(404);
        given().when().post("/v1/account/api-keys").then().statusCode(401);

        assertAccount(other.apiKey(), other.id());
        assertEquals(2, keys(owner.apiKey()).getList("id").size());
    }

    private static JsonPath keys(String apiKey) {
        return given().auth().oauth2(apiKey).when().get("/v1/account/api-keys")
            .then().statusCode(200).extract().jsonPath();
    }

    private static void assertAccount(String apiKey, String accountId) {
        given().auth().oauth2(apiKey).when().get("/v1/account").then().statusCode(200).body("id", equalTo(accountId));
    }
}
