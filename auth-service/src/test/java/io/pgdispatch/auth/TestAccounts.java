package io.pgdispatch.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;

/** Accounts and roles made through the REST API, as a user would make them. */
public final class TestAccounts {

    /** An account id with the API key shown at its creation. */
    public record Created(String id, String apiKey) {
    }

    private TestAccounts() {
    }

    public static Created create(String name) {
        JsonPath body = given().contentType(ContentType.JSON).body(Map.of("name", name))
            .when().post("/v1/accounts")
            .then().statusCode(201)
            .extract().jsonPath();
        return new Created(body.getString("id"), body.getString("apiKey"));
    }

    public static void createRole(Created account, String name, String password) {
        given().auth().oauth2(account.apiKey()).contentType(ContentType.JSON)
            .body(Map.of("name", name, "password", password))
            .when().post("/v1/roles")
            .then().statusCode(201);
    }
}
