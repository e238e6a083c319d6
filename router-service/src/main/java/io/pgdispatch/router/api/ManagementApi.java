package io.pgdispatch.router.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI description of router's management API, published at {@code /q/openapi}. */
@OpenAPIDefinition(
    info = @Info(title = "pg-dispatch router-service", version = "v1",
        description = "Clusters and their branches. Every call needs an API key from auth-service."),
    security = @SecurityRequirement(name = ManagementApi.API_KEY))
@SecurityScheme(securitySchemeName = ManagementApi.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "The account's API key (pgd_...), as \"Authorization: Bearer <api key>\"")
public class ManagementApi extends Application {

    static final String API_KEY = "apiKey";
}
