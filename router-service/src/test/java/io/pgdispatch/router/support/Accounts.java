package io.pgdispatch.router.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** A fresh account per test, and management API requests made with its API key (see {@link TestAuthService}). */
public record Accounts(String accountId) {

    public static Accounts fresh() {
        return new Accounts("acct-" + UUID.randomUUID());
    }

    /** A JSON request carrying this account's API key. */
    public RequestSpecification request() {
        return given().contentType(ContentType.JSON)
            .header("Authorization", "Bearer " + TestAuthService.apiKeyOf(accountId));
    }

    /** Creates a cluster through the API and answers its id. */
    public String createCluster(String name) {
        return request().body("{\"name\": \"" + name + "\"}").post("/v1/clusters")
            .then().statusCode(201)
            .extract().path("id");
    }
}
