package io.pgdispatch.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pgdispatch.contract.compute.v1.ComputeKind;
import io.pgdispatch.contract.router.v1.ConnectTargetRequest;
import io.pgdispatch.contract.router.v1.RouterService;
import io.pgdispatch.router.cluster.Cluster;
import io.pgdispatch.router.store.ClusterStore;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ConnectTarget through the real gRPC endpoint, with compute-manager configured on a port where nothing listens. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class ConnectTargetTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ClusterStore store;

    @GrpcClient("router")
    RouterService router;

    private Cluster cluster;

    @BeforeEach
    void createCluster() {
        cluster = store.create("acct-connect", "connect").await().atMost(WAIT);
    }

    @Test
    void anUnreachableComputeManagerIsUnavailable() {
        Status status = failedConnect("acct-connect", cluster.branches().get(0).id());

        assertEquals(Status.Code.UNAVAILABLE, status.getCode());
        assertEquals("compute-manager unreachable", status.getDescription());
    }

    @Test
    void aBranchOfAnotherAccountIsNotFound() {
        Status status = failedConnect("acct-other", cluster.branches().get(0).id());

        assertEquals(Status.Code.NOT_FOUND, status.getCode());
    }

    @Test
    void anUnknownBranchIdIsNotFound() {
        Status status = failedConnect("acct-connect", "brunknown000");

        assertEquals(Status.Code.NOT_FOUND, status.getCode());
    }

    private Status failedConnect(String accountId, String branchId) {
        ConnectTargetRequest request = ConnectTargetRequest.newBuilder()
            .setAccountId(accountId)
            .setClusterId(cluster.id())
            .setBranchId(branchId)
            .setKind(ComputeKind.PRIMARY)
            .build();
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
            () -> router.connectTarget(request).await().atMost(WAIT));
        return failure.getStatus();
    }
}
