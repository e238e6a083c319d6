package io.pgdispatch.router.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class OpenApiDocumentTest {

    @Test
    void publishesTheClusterBranchAndEndpointOperationsBehindABearerKey() {
        given().queryParam("format", "json").get("/q/openapi")
            .then().statusCode(200)
            .body("paths.'/v1/clusters'.post.responses.'201'", notNullValue())
            .body("paths.'/v1/clusters'.get", notNullValue())
            .body("paths.'/v1/clusters/{id}'.get.responses.'404'", notNullValue())
            .body("paths.'/v1/clusters/{clusterId}/branches'.post.responses.'409'", notNullValue())
            .body("paths.'/v1/clusters/{clusterId}/branches'.post.responses.'503'", notNullValue())
            .body("paths.'/v1/clusters/{clusterId}/branches'.get", notNullValue())
            .body("paths.'/v1/clusters/{id}'.patch.responses.'400'", notNullValue())
            .body("paths.'/v1/clusters/{clusterId}/endpoints'.post.responses.'409'", notNullValue())
            .body("paths.'/v1/clusters/{clusterId}/endpoints'.get", notNullValue())
            .body("paths.'/v1/endpoints/{id}'.get.responses.'404'", notNullValue())
            .body("paths.'/v1/endpoints/{id}'.put.responses.'400'", notNullValue())
            .body("paths.'/v1/endpoints/{id}'.delete.responses.'204'", notNullValue())
            .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"));
    }
}
