package io.pgdispatch.router.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Points router's auth-service client at {@link TestAuthService} on the application's own test port. */
public class ReachableAuthService implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.grpc.clients.auth.test-port", "28082");
    }
}
