package io.pgdispatch.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pgdispatch.contract.compute.v1.ComputeKind;
import io.pgdispatch.contract.router.v1.ConnectTargetRequest;
import io.pgdispatch.contract.compute.v1.PlatformLogin;
import io.pgdispatch.contract.router.v1.RouterService;
import io.pgdispatch.router.cluster.AnonymousAccess;
import io.pgdispatch.router.cluster.Branch;
import io.pgdispatch.router.cluster.Cluster;
import io.pgdispatch.router.cluster.PointInTime;
import io.pgdispatch.router.cluster.Target;
import io.pgdispatch.router.endpoint.AccessRules;
import io.pgdispatch.router.endpoint.Endpoint;
import io.pgdispatch.router.endpoint.EndpointSettings;
import io.pgdispatch.router.store.ClusterStore;
import io.pgdispatch.router.store.EndpointStore;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ConnectTarget through the real gRPC endpoint, with compute-manager configured on a port where nothing listens: a
 * request that passes router-service's checks fails as UNAVAILABLE.
 */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class ConnectTargetTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final AnonymousAccess READ_ONLY = new AnonymousAccess(AnonymousAccess.Mode.READ_ONLY, 5, 1000);

    @Inject
    ClusterStore store;

    @Inject
    EndpointStore endpoints;

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

    @Test
    void anAnonymousLoginNeedsTheClusterOrTheEndpointItCameThroughToAllowIt() {
        Endpoint open = endpoint(cluster, Optional.of(READ_ONLY));
        Endpoint following = endpoint(cluster, Optional.empty());

        Status direct = failedConnect(anonymous(cluster, ""));
        Status throughOpen = failedConnect(anonymous(cluster, open.id()));
        Status throughFollowing = failedConnect(anonymous(cluster, following.id()));

        assertEquals(Status.Code.PERMISSION_DENIED, direct.getCode());
        assertEquals("cluster \"" + cluster.id() + "\" does not allow anonymous access", direct.getDescription());
        assertEquals(Status.Code.UNAVAILABLE, throughOpen.getCode(), "allowed, so compute-manager was asked");
        assertEquals(Status.Code.PERMISSION_DENIED, throughFollowing.getCode());
    }

    @Test
    void anEndpointThatTurnsAnonymousAccessOffRefusesItWhereItsClusterAllowsIt() {
        store.setAnonymous(cluster.accountId(), cluster.id(), READ_ONLY).await().atMost(WAIT);
        Endpoint closed = endpoint(cluster, Optional.of(AnonymousAccess.OFF));

        Status throughClosed = failedConnect(anonymous(cluster, closed.id()));

        assertEquals(Status.Code.PERMISSION_DENIED, throughClosed.getCode());
        assertEquals("endpoint \"" + closed.id() + "\" does not allow anonymous access",
            throughClosed.getDescription());
        assertEquals(Status.Code.UNAVAILABLE, failedConnect(anonymous(cluster, "")).getCode());
    }

    @Test
    void anEndpointOfAnotherClusterCannotVouchForAnAnonymousLogin() {
        Cluster other = store.create("acct-connect", "other").await().atMost(WAIT);
        Endpoint foreign = endpoint(other, Optional.of(READ_ONLY));

        Status status = failedConnect(anonymous(cluster, foreign.id()));

        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertEquals("endpoint \"" + foreign.id() + "\" is not an endpoint of cluster \"" + cluster.id() + "\"",
            status.getDescription());
    }

    private Endpoint endpoint(Cluster of, Optional<AnonymousAccess> anonymous) {
        Branch main = of.branches().get(0);
        return endpoints.insert(new Target(of.accountId(), of.id(), main.id(), main.name()),
            new EndpointSettings(main.name(), PointInTime.NOW, false, AccessRules.of(null, null, false), null,
                anonymous)).await().atMost(WAIT);
    }

    private static ConnectTargetRequest anonymous(Cluster of, String endpointId) {
        return ConnectTargetRequest.newBuilder()
            .setAccountId(of.accountId())
            .setClusterId(of.id())
            .setBranchId(of.branches().get(0).id())
            .setKind(ComputeKind.READ_REPLICA)
            .setPlatformLogin(PlatformLogin.ANONYMOUS_LOGIN)
            .setEndpointId(endpointId)
            .build();
    }

    private Status failedConnect(ConnectTargetRequest request) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
            () -> router.connectTarget(request).await().atMost(WAIT));
        return failure.getStatus();
    }

    private Status failedConnect(String accountId, String branchId) {
        ConnectTargetRequest request = ConnectTargetRequest.newBuilder()
            .setAccountId(accountId)
            .setClusterId(cluster.id())
            .setBranchId(branchId)
            .setKind(ComputeKind.PRIMARY)
            .build();
        return failedConnect(request);
    }
}
