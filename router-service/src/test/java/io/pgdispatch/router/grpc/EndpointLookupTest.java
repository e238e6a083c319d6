package io.pgdispatch.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pgdispatch.contract.router.v1.AccountCluster;
import io.pgdispatch.contract.router.v1.AnonymousAccess.Mode;
import io.pgdispatch.contract.router.v1.DedicatedListener;
import io.pgdispatch.contract.router.v1.ListAccountTargetsRequest;
import io.pgdispatch.contract.router.v1.ListDedicatedListenersRequest;
import io.pgdispatch.contract.router.v1.LookupTargetRequest;
import io.pgdispatch.contract.router.v1.LookupTargetResponse;
import io.pgdispatch.contract.compute.v1.PointInTime.PointCase;
import io.pgdispatch.contract.router.v1.RouterService;
import io.pgdispatch.router.cluster.AnonymousAccess;
import io.pgdispatch.router.cluster.Cluster;
import io.pgdispatch.router.endpoint.AccessRules;
import io.pgdispatch.router.endpoint.Endpoint;
import io.pgdispatch.router.endpoint.EndpointService;
import io.pgdispatch.router.endpoint.EndpointSettings;
import io.pgdispatch.router.cluster.PointInTime;
import io.pgdispatch.router.store.ClusterStore;
import io.pgdispatch.router.support.ReachableAuthService;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.pgdispatch.testing.KafkaBroker;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * LookupTarget by endpoint and by cluster, ListDedicatedListeners and ListAccountTargets, through the real gRPC
 * endpoint.
 */
@QuarkusTest
@TestProfile(ReachableAuthService.class)
@QuarkusTestResource(ControlPlaneDatabase.class)
@QuarkusTestResource(KafkaBroker.class)
class EndpointLookupTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ClusterStore clusters;

    @Inject
    EndpointService endpoints;

    @GrpcClient("router")
    RouterService router;

    @Test
    void anEndpointAnswersItsTargetAccessRulesAndPointInTime() {
        Cluster cluster = clusters.create(newAccount(), "lookup").await().atMost(WAIT);
        clusters.setOptionsRoutingAllowed(cluster.accountId(), cluster.id(), false).await().atMost(WAIT);
        AccessRules access = AccessRules.of(List.of("203.0.113.0/24", "2001:db8::1"),
            List.of("vpce-0a1b2c3d4e5f67890"), true);
        Endpoint endpoint = create(cluster, PointInTime.of("2026-01-02T03:04:05.5+02:00", null, Instant.now()), true,
            access, null);

        LookupTargetResponse target = lookupEndpoint(endpoint.id());

        assertEquals(cluster.accountId(), target.getAccountId());
        assertEquals(cluster.id(), target.getClusterId());
        assertEquals(cluster.branches().get(0).id(), target.getBranchId());
        assertEquals("main", target.getBranchName());
        assertEquals(endpoint.id(), target.getEndpointId());
        assertEquals(List.of("203.0.113.0/24", "2001:db8:0:0:0:0:0:1"), target.getAccess().getAllowedAddressesList());
        assertEquals(List.of("vpce-0a1b2c3d4e5f67890"), target.getAccess().getAllowedVpcEndpointsList());
        assertTrue(target.getAccess().getVpcOnly());
        assertEquals("2026-01-02T01:04:05.500Z", target.getPointInTime().getTimestamp());
        assertTrue(target.getReadReplica());
        assertFalse(target.getOptionsRoutingAllowed());
    }

    @Test
    void anEndpointAtAnLsnAnswersTheLsn() {
        Cluster cluster = clusters.create(newAccount(), "lsn").await().atMost(WAIT);
        Endpoint endpoint = create(cluster, PointInTime.of(null, "0/16b3748", Instant.now()), false,
            AccessRules.of(null, null, false), null);

        LookupTargetResponse target = lookupEndpoint(endpoint.id());

        assertEquals(PointCase.LSN, target.getPointInTime().getPointCase());
        assertEquals("0/16B3748", target.getPointInTime().getLsn());
        assertFalse(target.getReadReplica());
        assertTrue(target.getOptionsRoutingAllowed());
        assertEquals(0, target.getAccess().getAllowedAddressesCount());
    }

    @Test
    void aClusterAnswersItsOptionsSwitchAndNoAccessRules() {
        Cluster cluster = clusters.create(newAccount(), "by-cluster").await().atMost(WAIT);
        create(cluster, PointInTime.NOW, false, AccessRules.of(List.of("10.0.0.0/8"), null, true), null);

        LookupTargetResponse open = lookupCluster(cluster.id());
        clusters.setOptionsRoutingAllowed(cluster.accountId(), cluster.id(), false).await().atMost(WAIT);
        LookupTargetResponse closed = lookupCluster(cluster.id());

        assertTrue(open.getOptionsRoutingAllowed());
        assertFalse(closed.getOptionsRoutingAllowed());
        assertEquals("", closed.getEndpointId());
        assertFalse(closed.hasAccess());
        assertFalse(closed.hasPointInTime());
        assertEquals(cluster.branches().get(0).id(), closed.getBranchId());
    }

    @Test
    void anEndpointAnswersItsOwnAnonymousAccessOrElseItsClusters() {
        Cluster cluster = clusters.create(newAccount(), "anonymous").await().atMost(WAIT);
        clusters.setAnonymous(cluster.accountId(), cluster.id(),
            new AnonymousAccess(AnonymousAccess.Mode.READ_ONLY, 7, 2000)).await().atMost(WAIT);
        Endpoint following = create(cluster, PointInTime.NOW, false, AccessRules.of(null, null, false), null);
        Endpoint own = endpoints.create(cluster.accountId(), cluster.id(), new EndpointSettings("main",
            PointInTime.NOW, false, AccessRules.of(null, null, false), null,
            Optional.of(new AnonymousAccess(AnonymousAccess.Mode.SANDBOX, 3, 500)))).await().atMost(WAIT);

        LookupTargetResponse.Builder expected = LookupTargetResponse.newBuilder();
        expected.getAnonymousBuilder().setMode(Mode.READ_ONLY).setConnectionLimit(7).setStatementTimeoutMs(2000);
        assertEquals(expected.getAnonymous(), lookupEndpoint(following.id()).getAnonymous());
        assertEquals(expected.getAnonymous(), lookupCluster(cluster.id()).getAnonymous());
        expected.getAnonymousBuilder().setMode(Mode.SANDBOX).setConnectionLimit(3).setStatementTimeoutMs(500)
            .setEndpointOwn(true);
        assertEquals(expected.getAnonymous(), lookupEndpoint(own.id()).getAnonymous());
    }

    @Test
    void anUnknownEndpointIsNotFound() {
        Status status = failedLookup(LookupTargetRequest.newBuilder().setEndpointId("ep-unknown00000").build());

        assertEquals(Status.Code.NOT_FOUND, status.getCode());
        assertEquals("endpoint \"ep-unknown00000\" does not exist", status.getDescription());
        assertEquals(Status.Code.NOT_FOUND,
            failedLookup(LookupTargetRequest.newBuilder().setEndpointId("Not An Endpoint").build()).getCode());
    }

    @Test
    void aLookupMustNameEitherAClusterOrAnEndpoint() {
        Status both = failedLookup(LookupTargetRequest.newBuilder()
            .setClusterId("c3kq7zm2xa4f").setEndpointId("ep-k3q7zm2xa4fb").build());
        Status branchAndEndpoint = failedLookup(LookupTargetRequest.newBuilder()
            .setBranchName("main").setEndpointId("ep-k3q7zm2xa4fb").build());
        Status neither = failedLookup(LookupTargetRequest.getDefaultInstance());

        assertEquals(Status.Code.INVALID_ARGUMENT, both.getCode());
        assertTrue(both.getDescription().contains("name one or the other"), both.getDescription());
        assertEquals(Status.Code.INVALID_ARGUMENT, branchAndEndpoint.getCode());
        assertEquals(Status.Code.INVALID_ARGUMENT, neither.getCode());
    }

    @Test
    void everyDedicatedListenerOfEveryAccountIsListed() {
        Cluster alices = clusters.create(newAccount(), "alice").await().atMost(WAIT);
        Cluster bobs = clusters.create(newAccount(), "bob").await().atMost(WAIT);
        AccessRules open = AccessRules.of(null, null, false);
        Endpoint first = create(alices, PointInTime.NOW, false, open, "127.0.0.51:5432");
        Endpoint second = create(bobs, PointInTime.NOW, false, open, "[0:0:0:0:0:0:0:1]:15433");
        Endpoint without = create(bobs, PointInTime.NOW, false, open, null);

        List<DedicatedListener> listeners = router.listDedicatedListeners(
            ListDedicatedListenersRequest.getDefaultInstance()).await().atMost(WAIT).getListenersList();

        assertTrue(listeners.contains(listener(first.id(), "127.0.0.51:5432")), listeners.toString());
        assertTrue(listeners.contains(listener(second.id(), "[0:0:0:0:0:0:0:1]:15433")), listeners.toString());
        assertTrue(listeners.stream().noneMatch(listener -> listener.getEndpointId().equals(without.id())));
        endpoints.delete(alices.accountId(), first.id()).await().atMost(WAIT);
        List<DedicatedListener> after = router.listDedicatedListeners(
            ListDedicatedListenersRequest.getDefaultInstance()).await().atMost(WAIT).getListenersList();
        assertFalse(after.contains(listener(first.id(), "127.0.0.51:5432")), after.toString());
    }

    @Test
    void anAccountsTargetsAreItsClustersWithTheirBranchesAndEndpointsOnly() {
        String account = newAccount();
        Cluster first = clusters.create(account, "first").await().atMost(WAIT);
        Cluster second = clusters.create(account, "second").await().atMost(WAIT);
        Cluster foreign = clusters.create(newAccount(), "foreign").await().atMost(WAIT);
        Endpoint endpoint = create(second, PointInTime.NOW, true, AccessRules.of(null, null, false), null);
        create(foreign, PointInTime.NOW, false, AccessRules.of(null, null, false), null);

        List<AccountCluster> targets = router.listAccountTargets(
            ListAccountTargetsRequest.newBuilder().setAccountId(account).build()).await().atMost(WAIT)
            .getClustersList();

        assertEquals(List.of(first.id(), second.id()), targets.stream().map(AccountCluster::getClusterId).toList());
        assertEquals("first", targets.get(0).getName());
        assertEquals(List.of("main"), targets.get(0).getBranchNamesList());
        assertEquals(List.of(), targets.get(0).getEndpointIdsList());
        assertEquals(List.of(endpoint.id()), targets.get(1).getEndpointIdsList());
        assertEquals(List.of(), router.listAccountTargets(ListAccountTargetsRequest.newBuilder()
            .setAccountId(newAccount()).build()).await().atMost(WAIT).getClustersList());
    }

    private Endpoint create(Cluster cluster, PointInTime pointInTime, boolean readReplica, AccessRules access,
            String listenAddress) {
        EndpointSettings settings = new EndpointSettings("main", pointInTime, readReplica, access, listenAddress,
            Optional.empty());
        return endpoints.create(cluster.accountId(), cluster.id(), settings).await().atMost(WAIT);
    }

    private LookupTargetResponse lookupEndpoint(String endpointId) {
        return router.lookupTarget(LookupTargetRequest.newBuilder().setEndpointId(endpointId).build())
            .await().atMost(WAIT);
    }

    private LookupTargetResponse lookupCluster(String clusterId) {
        return router.lookupTarget(LookupTargetRequest.newBuilder().setClusterId(clusterId).build())
            .await().atMost(WAIT);
    }

    private Status failedLookup(LookupTargetRequest request) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
            () -> router.lookupTarget(request).await().atMost(WAIT));
        return failure.getStatus();
    }

    private static DedicatedListener listener(String endpointId, String address) {
        return DedicatedListener.newBuilder().setEndpointId(endpointId).setAddress(address).build();
    }

    private static String newAccount() {
        return "acct-" + UUID.randomUUID();
    }
}
