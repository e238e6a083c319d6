package io.pgdispatch.auth.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Describes the API and its API-key authentication in the OpenAPI document at /q/openapi. */
@OpenAPIDefinition(info = @Info(title = "pg-dispatch auth-service", version = "1",
    description = "Accounts, API keys and the PostgreSQL roles of an account."))
@SecurityScheme(securitySchemeName = ApiDocumentation.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "The API key returned when the account was created.")
public class ApiDocumentation extends Application {

    static final String API_KEY = "apiKey";
}
