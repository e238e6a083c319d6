package io.pgdispatch.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pgdispatch.contract.router.v1.LookupTargetRequest;
import io.pgdispatch.contract.router.v1.LookupTargetResponse;
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

/** LookupTarget through the application's real gRPC endpoint. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneDatabase.class)
class LookupTargetTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ClusterStore store;

    @GrpcClient("router")
    RouterService router;

    private Cluster cluster;

    @BeforeEach
    void createCluster() {
        cluster = store.create("acct-lookup", "lookup").await().atMost(WAIT);
    }

    @Test
    void anEmptyBranchNameMeansMain() {
        LookupTargetResponse target = lookup(cluster.id(), "");

        assertEquals("acct-lookup", target.getAccountId());
        assertEquals(cluster.id(), target.getClusterId());
        assertEquals(cluster.branches().get(0).id(), target.getBranchId());
        assertEquals("main", target.getBranchName());
    }

    @Test
    void aNamedBranchIsFound() {
        LookupTargetResponse target = lookup(cluster.id(), "main");

        assertEquals(cluster.branches().get(0).id(), target.getBranchId());
        assertEquals("main", target.getBranchName());
    }

    @Test
    void anUnknownClusterIsNotFound() {
        Status status = failedLookup("cunknown0000", "");

        assertEquals(Status.Code.NOT_FOUND, status.getCode());
        assertEquals("cluster \"cunknown0000\" not found: check the cluster id", status.getDescription());
    }

    @Test
    void anUnknownBranchIsNotFound() {
        Status status = failedLookup(cluster.id(), "dev");

        assertEquals(Status.Code.NOT_FOUND, status.getCode());
        assertEquals("branch \"dev\" not found in cluster \"" + cluster.id() + "\": check the branch name",
            status.getDescription());
    }

    @Test
    void aMalformedClusterIdIsNotFound() {
        Status status = failedLookup("Not A Cluster!", "");

        assertEquals(Status.Code.NOT_FOUND, status.getCode());
        assertEquals("cluster \"Not A Cluster!\" not found: check the cluster id", status.getDescription());
    }

    private LookupTargetResponse lookup(String clusterId, String branchName) {
        return router.lookupTarget(request(clusterId, branchName)).await().atMost(WAIT);
    }

    private Status failedLookup(String clusterId, String branchName) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
            () -> router.lookupTarget(request(clusterId, branchName)).await().atMost(WAIT));
        return failure.getStatus();
    }

    private static LookupTargetRequest request(String clusterId, String branchName) {
        return LookupTargetRequest.newBuilder().setClusterId(clusterId).setBranchName(branchName).build();
    }
}
