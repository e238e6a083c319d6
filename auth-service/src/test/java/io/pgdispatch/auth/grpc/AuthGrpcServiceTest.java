package io.pgdispatch.auth.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pgdispatch.auth.TestAccounts;
import io.pgdispatch.contract.auth.v1.AuthService;
import io.pgdispatch.contract.auth.v1.AuthenticateApiKeyRequest;
import io.pgdispatch.contract.auth.v1.GetRoleSecretRequest;
import io.pgdispatch.contract.auth.v1.GetRoleSecretResponse;
import io.pgdispatch.contract.auth.v1.ListRoleSecretsRequest;
import io.pgdispatch.contract.auth.v1.RoleSecret;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gRPC contract the proxy, router-service and compute-manager rely on. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class AuthGrpcServiceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @GrpcClient("auth")
    AuthService auth;

    @Test
    void roleSecretIsFoundOnlyInItsOwnAccount() {
        TestAccounts.Created owner = TestAccounts.create("owner");
        TestAccounts.Created other = TestAccounts.create("other");
        TestAccounts.createRole(owner, "alice", "alice-password");

        GetRoleSecretResponse own = roleSecret(owner.id(), "alice");
        assertTrue(own.getFound());
        assertTrue(own.getScramVerifier().matches("SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}:"
            + "[A-Za-z0-9+/=]{44}"), "PostgreSQL's verifier format");

        GetRoleSecretResponse foreign = roleSecret(other.id(), "alice");
        assertFalse(foreign.getFound());
        assertEquals("", foreign.getScramVerifier());
        assertFalse(roleSecret(owner.id(), "nobody").getFound());
    }

    @Test
    void listedSecretsAreTheAccountsRolesOnly() {
        TestAccounts.Created owner = TestAccounts.create("owner");
        TestAccounts.Created other = TestAccounts.create("other");
        TestAccounts.createRole(owner, "alice", "alice-password");
        TestAccounts.createRole(owner, "bob", "bob-password");
        TestAccounts.createRole(other, "carol", "carol-password");

        List<RoleSecret> secrets = auth.listRoleSecrets(ListRoleSecretsRequest.newBuilder()
                .setAccountId(owner.id()).build())
            .await().atMost(TIMEOUT).getRolesList();

        assertEquals(List.of("alice", "bob"), secrets.stream().map(RoleSecret::getRoleName).toList());
        assertEquals(roleSecret(owner.id(), "bob").getScramVerifier(), secrets.get(1).getScramVerifier());
        assertNotEquals(secrets.get(0).getScramVerifier(), secrets.get(1).getScramVerifier());
    }

    @Test
    void apiKeyResolvesToItsAccount() {
        TestAccounts.Created account = TestAccounts.create("demo");

        String accountId = auth.authenticateApiKey(AuthenticateApiKeyRequest.newBuilder()
                .setApiKey(account.apiKey()).build())
            .await().atMost(TIMEOUT).getAccountId();

        assertEquals(account.id(), accountId);
    }

    @Test
    void unknownOrMalformedApiKeyIsUnauthenticated() {
        String unknown = TestAccounts.create("demo").apiKey().replace("pgd_", "pgd_x");

        for (String key : List.of(unknown, "", "not-a-key")) {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> auth.authenticateApiKey(AuthenticateApiKeyRequest.newBuilder().setApiKey(key).build())
                    .await().atMost(TIMEOUT));
            assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode(), key);
        }
    }

    private GetRoleSecretResponse roleSecret(String accountId, String roleName) {
        return auth.getRoleSecret(GetRoleSecretRequest.newBuilder()
                .setAccountId(accountId).setRoleName(roleName).build())
            .await().atMost(TIMEOUT);
    }
}
