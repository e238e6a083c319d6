package io.pgdispatch.router.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The management API with auth-service unreachable (configured on a port where nothing listens). A request that
 * reached auth-service would therefore answer 503, so a 401 proves the header was refused before any gRPC call.
 */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class ClusterApiAuthenticationTest {

    @Test
    void aRequestWithoutAnApiKeyIsRefusedWithoutAskingAuthService() {
        given().get("/v1/clusters")
            .then().statusCode(401)
            .contentType(ContentType.JSON)
            .body("error", containsString("Authorization: Bearer"));
        given().contentType(ContentType.JSON).body("{\"name\": \"demo\"}").post("/v1/clusters")
            .then().statusCode(401);
        given().get("/v1/clusters/c3kq7zm2xa4f")
            .then().statusCode(401);
    }

    @Test
    void theBranchEndpointsRefuseARequestWithoutAnApiKey() {
        given().contentType(ContentType.JSON).body("{\"name\": \"testing\"}")
            .post("/v1/clusters/c3kq7zm2xa4f/branches")
            .then().statusCode(401)
            .body("error", containsString("Authorization: Bearer"));
        given().get("/v1/clusters/c3kq7zm2xa4f/branches")
            .then().statusCode(401);
    }

    @Test
    void anAuthorizationHeaderThatIsNotABearerKeyIsRefused() {
        given().header("Authorization", "Basic YWxpY2U6c2VjcmV0").get("/v1/clusters")
            .then().statusCode(401);
        given().header("Authorization", "Bearer ").get("/v1/clusters")
            .then().statusCode(401);
    }

    @Test
    void anUnreachableAuthServiceIsServiceUnavailable() {
        given().header("Authorization", "Bearer pgd_some-key").get("/v1/clusters")
            .then().statusCode(503)
            .contentType(ContentType.JSON)
            .body("error", containsString("auth-service is unreachable"));
    }
}
