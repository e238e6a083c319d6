package io.pgdispatch.auth.link;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * auth-service configured with the GitHub preset, as the README tells: it starts without reaching GitHub, and a link
 * page sends the browser to GitHub's authorization endpoint with the OAuth app's client id and a callback to the
 * page. What GitHub answers after that cannot be tested here.
 */
@QuarkusTest
@TestProfile(GitHubLoginPresetTest.GitHubPreset.class)
@QuarkusTestResource(ControlPlaneDatabase.class)
class GitHubLoginPresetTest {

    /** The settings of the README's GitHub example. */
    public static class GitHubPreset implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.provider", "github",
                "quarkus.oidc.client-id", "pg-dispatch-test-app",
                "quarkus.oidc.credentials.secret", "not-a-real-secret");
        }
    }

    @Test
    void aLinkPageSendsTheBrowserToGitHubWithTheAppsClientId() {
        Response answer = given().redirects().follow(false).when().get("/link/lnktest0000000");

        assertEquals(302, answer.statusCode(), answer.body().asString());
        URI location = URI.create(answer.header("Location"));
        assertEquals("https://github.com/login/oauth/authorize", location.getScheme() + "://" + location.getHost()
            + location.getPath());
        Map<String, String> query = Arrays.stream(location.getRawQuery().split("&"))
            .map(pair -> pair.split("=", 2))
            .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        assertEquals("pg-dispatch-test-app", query.get("client_id"));
        assertEquals("code", query.get("response_type"));
        assertTrue(query.get("redirect_uri").endsWith("/link/lnktest0000000"), query.get("redirect_uri"));
        assertTrue(query.containsKey("state"), "the state ties the answer to this browser");
        assertTrue(Arrays.asList(query.get("scope").split(" ")).contains("user:email"), query.get("scope"));
    }
}
