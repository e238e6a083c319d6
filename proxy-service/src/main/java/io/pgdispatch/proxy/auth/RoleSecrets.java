package io.pgdispatch.proxy.auth;

import io.pgdispatch.contract.auth.v1.AuthService;
import io.pgdispatch.contract.auth.v1.GetRoleSecretRequest;
import io.pgdispatch.proxy.ProxyConfig;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SCRAM verifiers of roles, fetched from auth-service and cached for a configured time; a role's catalog event
 * drops its entry, so a changed password or a removed role is seen within seconds (and at the latest when the entry
 * expires, should the event be lost). A role that does not exist is not cached (it may be
 * created any moment) and gets a fabricated verifier whose salt is stable for this proxy and whose StoredKey no
 * password matches: the client goes through the same exchange and fails the same way as with a wrong password.
 */
@ApplicationScoped
public class RoleSecrets {

    /** The iteration count PostgreSQL uses by default (scram_iterations), so fabricated ones blend in. */
    private static final int DEFAULT_ITERATIONS = 4096;
    private static final int SALT_LENGTH = 16;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final byte[] fabricationKey = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong forgets = new AtomicLong();

    @GrpcClient("auth")
    AuthService auth;

    @Inject
    ProxyConfig config;

    RoleSecrets() {
        random.nextBytes(fabricationKey);
    }

    /** The verifier of {@code role} in {@code accountId}, real or fabricated; fails only when auth is unreachable. */
    public Uni<ScramVerifier> verifier(String accountId, String role) {
        String key = keyOf(accountId, role);
        Cached cached = cache.get(key);
        if (cached != null && cached.expiresAt > System.nanoTime()) {
            return Uni.createFrom().item(cached.verifier);
        }
        GetRoleSecretRequest request = GetRoleSecretRequest.newBuilder()
            .setAccountId(accountId)
            .setRoleName(role)
            .build();
        long forgetsBefore = forgets.get();
        return auth.getRoleSecret(request).map(response -> {
            if (!response.getFound()) {
                return fabricate(key);
            }
            ScramVerifier verifier = ScramVerifier.parse(response.getScramVerifier());
            // An answer that was on its way while some role changed may be the old verifier: used, not kept.
            if (forgets.get() == forgetsBefore) {
                cache.put(key, new Cached(verifier, System.nanoTime() + config.roleCacheTtl().toNanos()));
            }
            return verifier;
        });
    }

    /** Drops the cached verifier of a role that was changed or removed. */
    public void forget(String accountId, String role) {
        forgets.incrementAndGet();
        cache.remove(keyOf(accountId, role));
    }

    private static String keyOf(String accountId, String role) {
        return accountId + '\u0000' + role;
    }

    private ScramVerifier fabricate(String key) {
        byte[] digest = hmac(key);
        byte[] unmatchable = new byte[32];
        random.nextBytes(unmatchable);
        return new ScramVerifier(DEFAULT_ITERATIONS, Arrays.copyOf(digest, SALT_LENGTH), unmatchable, unmatchable);
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fabricationKey, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private record Cached(ScramVerifier verifier, long expiresAt) {
    }
}
