package io.pgdispatch.auth.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.pgdispatch.contract.auth.v1.AuthServiceGrpc;
import io.pgdispatch.contract.auth.v1.AuthServiceGrpc.AuthServiceBlockingStub;
import io.pgdispatch.contract.auth.v1.GetRoleSecretRequest;
import io.pgdispatch.contract.internal.InternalToken;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** gRPC calls reach auth-service only with the shared internal token, which guards the role verifiers. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class InternalTokenTest {

    private static final GetRoleSecretRequest REQUEST = GetRoleSecretRequest.newBuilder()
        .setAccountId("anyaccount")
        .setRoleName("anyrole")
        .build();

    @TestHTTPResource("/")
    URL service;

    private ManagedChannel channel;

    @BeforeEach
    void connectWithoutTheServicesInterceptors() {
        channel = ManagedChannelBuilder.forAddress(service.getHost(), service.getPort()).usePlaintext().build();
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void aCallWithoutTheTokenIsRefused() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
            () -> AuthServiceGrpc.newBlockingStub(channel).getRoleSecret(REQUEST));

        assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
    }

    @Test
    void aCallWithAnotherTokenIsRefused() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
            () -> withToken("test-internal-tokeN").getRoleSecret(REQUEST));

        assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
    }

    @Test
    void aCallWithTheTokenIsServed() {
        assertFalse(withToken("test-internal-token").getRoleSecret(REQUEST).getFound());
    }

    private AuthServiceBlockingStub withToken(String token) {
        Metadata headers = new Metadata();
        headers.put(InternalToken.HEADER, token);
        return AuthServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
