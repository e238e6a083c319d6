package io.pgdispatch.compute.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.pgdispatch.compute.driver.ComputeDriver;
import io.pgdispatch.compute.driver.ComputeSpec;
import io.pgdispatch.compute.events.ConnectionEventDeserializer;
import io.pgdispatch.compute.support.Await;
import io.pgdispatch.compute.support.FixedRoleSource;
import io.pgdispatch.compute.support.Psql;
import io.pgdispatch.compute.support.TestFolders;
import io.pgdispatch.contract.compute.v1.ComputeAddress;
import io.pgdispatch.contract.compute.v1.ComputeKind;
import io.pgdispatch.contract.compute.v1.ComputeServiceGrpc;
import io.pgdispatch.contract.compute.v1.CreateBranchRequest;
import io.pgdispatch.contract.compute.v1.DeleteBranchRequest;
import io.pgdispatch.contract.compute.v1.EnsureComputeRequest;
import io.pgdispatch.contract.compute.v1.PointInTime;
import io.pgdispatch.contract.events.ComputeEvent;
import io.pgdispatch.contract.events.ConnectionEvent;
import io.pgdispatch.contract.events.Topics;
import io.pgdispatch.contract.internal.InternalToken;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.pgdispatch.testing.KafkaBroker;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.GroupState;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * EnsureCompute and CreateBranch through the real gRPC endpoint, with real PostgreSQL computes and real Kafka: one
 * start for many concurrent callers, idle suspend and wake with data kept, sessions that keep a compute awake, and
 * branches copied from their parent. The tests run with an idle timeout of 2 s and a check every second.
 */
@QuarkusTest
@QuarkusTestResource(value = ControlPlaneDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KafkaBroker.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComputeServiceTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(20);

    @TestHTTPResource
    URL server;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaServers;

    @ConfigProperty(name = "dispatch.compute.local.data-root")
    Path dataRoot;

    @Inject
    ComputeDriver driver;

    private ManagedChannel channel;
    private ComputeServiceGrpc.ComputeServiceBlockingStub computes;
    private KafkaCompanion kafka;
    private ConsumerTask<String, ComputeEvent> computeEvents;
    private final List<ComputeSpec> used = new ArrayList<>();

    @BeforeAll
    void connect() {
        // A channel of its own, as router-service calls compute-manager: with the internal token.
        Metadata token = new Metadata();
        token.put(InternalToken.HEADER, ConfigProvider.getConfig().getValue(InternalToken.PROPERTY, String.class));
        channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext()
            .intercept(MetadataUtils.newAttachHeadersInterceptor(token))
            .build();
        computes = ComputeServiceGrpc.newBlockingStub(channel);
        kafka = new KafkaCompanion(kafkaServers);
        kafka.registerSerde(ConnectionEvent.class, new ObjectMapperSerializer<>(), new ConnectionEventDeserializer());
        kafka.registerSerde(ComputeEvent.class, new ObjectMapperSerializer<>(),
            new ObjectMapperDeserializer<>(ComputeEvent.class));
        computeEvents = kafka.consume(ComputeEvent.class).withProp("auto.offset.reset", "earliest")
            .fromTopics(Topics.COMPUTE_EVENTS);
        awaitConnectionEventConsumer();
    }

    @AfterAll
    void cleanUp() {
        used.forEach(driver::stop);
        used.forEach(spec -> TestFolders.delete(dataRoot.resolve(spec.clusterId())));
        computeEvents.stop();
        kafka.close();
        channel.shutdownNow();
    }

    @Test
    void concurrentCallsShareOneStartAndOneAddress() throws Exception {
        String cluster = newCluster();
        List<ListenableFuture<ComputeAddress>> calls = new ArrayList<>();
        ComputeServiceGrpc.ComputeServiceFutureStub async = ComputeServiceGrpc.newFutureStub(channel);
        for (int i = 0; i < 50; i++) {
            calls.add(async.withDeadlineAfter(60, TimeUnit.SECONDS).ensureCompute(primary(cluster)));
        }

        Set<ComputeAddress> addresses = new HashSet<>();
        for (ListenableFuture<ComputeAddress> call : calls) {
            addresses.add(call.get());
        }

        assertEquals(1, addresses.size(), "all callers get the same compute: " + addresses);
        ComputeAddress address = addresses.iterator().next();
        remember(address, cluster);
        assertEquals(FixedRoleSource.ROLE, psql(address, "SELECT current_user"));
        awaitEvent(address, ComputeEvent.Type.STARTED);
        // Events are published before the callers are answered; a second start would have shown up by now.
        Thread.sleep(1000);
        assertEquals(1, events(address, ComputeEvent.Type.STARTED).size(), "one start for 50 calls");
    }

    @Test
    void idleComputeIsSuspendedAndWakesWithItsRows() {
        String cluster = newCluster();
        ComputeAddress first = computes.ensureCompute(primary(cluster));
        remember(first, cluster);
        psql(first, "CREATE TABLE kept (n int); INSERT INTO kept SELECT generate_series(1, 3)");

        ComputeEvent suspended = awaitEvent(first, ComputeEvent.Type.SUSPENDED);
        assertEquals(cluster, suspended.clusterId());
        assertTrue(driver.running(spec(first, cluster)).isEmpty(), "a suspended compute runs no process");

        ComputeAddress woken = computes.ensureCompute(primary(cluster));
        assertEquals(first.getComputeId(), woken.getComputeId());
        assertEquals("3", psql(woken, "SELECT count(*) FROM kept"));
        Await.until("a second STARTED", () -> events(first, ComputeEvent.Type.STARTED).size() == 2, EVENT_WAIT);
    }

    @Test
    void openSessionKeepsComputeRunningUntilClosed() throws InterruptedException {
        String cluster = newCluster();
        ComputeAddress address = computes.ensureCompute(primary(cluster));
        remember(address, cluster);
        ConnectionEvent opened = ConnectionEvent.opened("s-1", address.getComputeId(), cluster, "main",
            FixedRoleSource.ROLE, "127.0.0.1");
        publish(opened);
        publish(opened); // a redelivered copy: the session must still close with one CLOSED

        Thread.sleep(5000);
        assertTrue(events(address, ComputeEvent.Type.SUSPENDED).isEmpty(), "suspended while a session was open");
        assertTrue(driver.running(spec(address, cluster)).isPresent());

        publish(ConnectionEvent.closed("s-1", address.getComputeId(), cluster, "main", FixedRoleSource.ROLE,
            "127.0.0.1", 10, 20));
        awaitEvent(address, ComputeEvent.Type.SUSPENDED);
    }

    @Test
    void failedStartIsUnavailableWithTheServerLog() throws IOException {
        String cluster = newCluster();
        ComputeSpec spec = new ComputeSpec("prepared-by-test", cluster, "main");
        used.add(spec);
        String dataDir = driver.ensureStorage(spec);
        Files.writeString(Path.of(dataDir, "postgresql.conf"), "no_such_setting = 1\n", StandardOpenOption.APPEND);

        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
            () -> computes.ensureCompute(primary(cluster)));

        assertEquals(Status.Code.UNAVAILABLE, failure.getStatus().getCode());
        assertTrue(failure.getStatus().getDescription().contains("no_such_setting"),
            failure.getStatus().getDescription());
        Await.until("a FAILED event for cluster " + cluster, () -> computeEvents.getRecords().stream()
            .anyMatch(record -> record.value().clusterId().equals(cluster)
                && record.value().type() == ComputeEvent.Type.FAILED), EVENT_WAIT);
    }

    @Test
    void theSharedReplicaIsOneStandbyForEveryCaller() {
        String cluster = newCluster();
        ComputeAddress primary = computes.ensureCompute(primary(cluster));
        remember(primary, cluster);
        EnsureComputeRequest request = primary(cluster).toBuilder().setKind(ComputeKind.READ_REPLICA).build();

        ComputeAddress first = computes.ensureCompute(request);
        used.add(ComputeSpec.replica(first.getComputeId(), cluster, "main"));
        ComputeAddress second = computes.ensureCompute(request);

        assertEquals(first, second);
        assertNotEquals(primary.getComputeId(), first.getComputeId());
        assertEquals("t", psql(first, "SELECT pg_is_in_recovery()"));
    }

    @Test
    void aOneOffReplicaIsRemovedWhenItsSessionCloses() {
        String cluster = newCluster();
        remember(computes.ensureCompute(primary(cluster)), cluster);
        ComputeAddress replica = computes.ensureCompute(oneOffReplica(cluster, "session-1"));
        Path home = dataRoot.resolve(cluster).resolve("main").resolve("computes").resolve(replica.getComputeId());
        assertEquals("t", psql(replica, "SELECT pg_is_in_recovery()"));
        ComputeAddress other = computes.ensureCompute(oneOffReplica(cluster, "session-2"));
        used.add(ComputeSpec.oneOffReplica(other.getComputeId(), cluster, "main"));
        assertNotEquals(replica.getComputeId(), other.getComputeId(), "each session has its own");

        publish(ConnectionEvent.opened("session-1", replica.getComputeId(), cluster, "main", FixedRoleSource.ROLE,
            "127.0.0.1"));
        publish(ConnectionEvent.closed("session-1", replica.getComputeId(), cluster, "main", FixedRoleSource.ROLE,
            "127.0.0.1", 10, 10));

        awaitEvent(replica, ComputeEvent.Type.REMOVED);
        assertTrue(Files.notExists(home), "its storage is removed");
        assertEquals(2, Psql.run(replica.getHost(), replica.getPort(), FixedRoleSource.ROLE, FixedRoleSource.PASSWORD,
            "SELECT 1").exitCode(), "its server is gone");
    }

    @Test
    void aOneOffReplicaWhoseSessionNeverOpenedIsRemovedAfterTheGracePeriod() {
        String cluster = newCluster();
        remember(computes.ensureCompute(primary(cluster)), cluster);

        ComputeAddress replica = computes.ensureCompute(oneOffReplica(cluster, "session-lost"));

        awaitEvent(replica, ComputeEvent.Type.REMOVED);
        assertTrue(Files.notExists(dataRoot.resolve(cluster).resolve("main").resolve("computes")
            .resolve(replica.getComputeId())));
    }

    @Test
    void aReplicaAtAPointInTimeAndAOneOffWithoutSessionAreRefused() {
        EnsureComputeRequest atPoint = primary(newCluster()).toBuilder().setKind(ComputeKind.READ_REPLICA)
            .setPointInTime(PointInTime.newBuilder().setLsn("0/1")).build();
        EnsureComputeRequest copyWithoutSession = primary(newCluster()).toBuilder().setOneOff(true).build();
        EnsureComputeRequest replicaWithoutSession = oneOffReplica(newCluster(), "");

        for (EnsureComputeRequest request : List.of(atPoint, copyWithoutSession, replicaWithoutSession)) {
            StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
                () -> computes.ensureCompute(request));
            assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode());
        }
    }

    @Test
    void invalidClusterIdIsRefused() {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
            () -> computes.ensureCompute(primary("../etc")));

        assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode());
        assertTrue(failure.getStatus().getDescription().startsWith("cluster_id: "));
    }

    @Test
    void branchStartsFromACopyOfItsParent() {
        String cluster = newCluster();
        ComputeAddress parent = computes.ensureCompute(primary(cluster));
        remember(parent, cluster);
        psql(parent, "CREATE TABLE items (n int); INSERT INTO items SELECT generate_series(1, 3)");

        computes.createBranch(branch(cluster, "main", "dev"));

        ComputeAddress branch = computes.ensureCompute(primary(cluster, "dev"));
        used.add(spec(branch, cluster, "dev"));
        assertNotEquals(parent.getPort(), branch.getPort(), "the branch runs a server of its own");
        assertNotEquals(parent.getComputeId(), branch.getComputeId());
        assertEquals("3", psql(branch, "SELECT count(*) FROM items"));
        psql(branch, "INSERT INTO items VALUES (4)");
        assertEquals("4", psql(branch, "SELECT count(*) FROM items"));
        assertEquals("3", psql(computes.ensureCompute(primary(cluster)), "SELECT count(*) FROM items"));
    }

    @Test
    void secondCreateBranchIsAlreadyExists() {
        String cluster = newCluster();
        computes.createBranch(branch(cluster, "main", "dev"));
        remember(computes.ensureCompute(primary(cluster)), cluster);

        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
            () -> computes.createBranch(branch(cluster, "main", "dev")));

        assertEquals(Status.Code.ALREADY_EXISTS, failure.getStatus().getCode());
        assertTrue(failure.getStatus().getDescription().contains("branch dev already has storage"),
            failure.getStatus().getDescription());
    }

    @Test
    void aDeletedBranchLosesItsComputesAndStorageAndIsNeverMadeAgain() {
        String cluster = newCluster();
        remember(computes.ensureCompute(primary(cluster)), cluster);
        computes.createBranch(branch(cluster, "main", "dev"));
        ComputeAddress dev = computes.ensureCompute(primary(cluster, "dev"));
        ComputeAddress devReplica = computes.ensureCompute(primary(cluster, "dev").toBuilder()
            .setKind(ComputeKind.READ_REPLICA).build());
        psql(dev, "CREATE TABLE items (n int)");

        computes.deleteBranch(DeleteBranchRequest.newBuilder().setAccountId("account-1").setClusterId(cluster)
            .setBranchId("dev").build());

        assertTrue(Files.notExists(dataRoot.resolve(cluster).resolve("dev")), "the branch's folder is gone");
        assertTrue(Files.exists(dataRoot.resolve(cluster).resolve("main")), "its parent is kept");
        assertEquals(ComputeEvent.Type.REMOVED, awaitEvent(devReplica, ComputeEvent.Type.REMOVED).type());
        awaitEvent(dev, ComputeEvent.Type.REMOVED);
        for (EnsureComputeRequest again : List.of(primary(cluster, "dev"), primary(cluster, "dev").toBuilder()
                .setKind(ComputeKind.READ_REPLICA).setOneOff(true).setSessionId("late").build())) {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> computes.ensureCompute(again));
            assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
            assertEquals("branch dev of cluster " + cluster + " was deleted", refused.getStatus().getDescription());
        }
        StatusRuntimeException copyOfDeleted = assertThrows(StatusRuntimeException.class,
            () -> computes.createBranch(branch(cluster, "dev", "dev2")));
        assertEquals(Status.Code.FAILED_PRECONDITION, copyOfDeleted.getStatus().getCode());
        computes.deleteBranch(DeleteBranchRequest.newBuilder().setAccountId("account-1").setClusterId(cluster)
            .setBranchId("dev").build());
        assertEquals("0", psql(computes.ensureCompute(primary(cluster)), "SELECT count(*) FROM pg_class"
            + " WHERE relname = 'items'"), "the parent never had the branch's table");
    }

    @Test
    void createBranchWithInvalidIdsIsRefused() {
        String cluster = newCluster();

        StatusRuntimeException badName = assertThrows(StatusRuntimeException.class,
            () -> computes.createBranch(branch(cluster, "main", "Dev!")));
        StatusRuntimeException sameBranch = assertThrows(StatusRuntimeException.class,
            () -> computes.createBranch(branch(cluster, "main", "main")));

        assertEquals(Status.Code.INVALID_ARGUMENT, badName.getStatus().getCode());
        assertTrue(badName.getStatus().getDescription().startsWith("branch_id: "));
        assertEquals(Status.Code.INVALID_ARGUMENT, sameBranch.getStatus().getCode());
        assertEquals("branch_id: must differ from parent_branch_id", sameBranch.getStatus().getDescription());
        assertTrue(Files.notExists(dataRoot.resolve(cluster)), "nothing is created for a refused request");
    }

    private static EnsureComputeRequest primary(String cluster) {
        return primary(cluster, "main");
    }

    private static EnsureComputeRequest primary(String cluster, String branch) {
        return EnsureComputeRequest.newBuilder().setAccountId("account-1").setClusterId(cluster)
            .setBranchId(branch).setKind(ComputeKind.PRIMARY).build();
    }

    private static EnsureComputeRequest oneOffReplica(String cluster, String session) {
        return primary(cluster).toBuilder().setKind(ComputeKind.READ_REPLICA).setOneOff(true).setSessionId(session)
            .build();
    }

    private static CreateBranchRequest branch(String cluster, String parent, String branch) {
        return CreateBranchRequest.newBuilder().setAccountId("account-1").setClusterId(cluster)
            .setParentBranchId(parent).setBranchId(branch).build();
    }

    private static String newCluster() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private void remember(ComputeAddress address, String cluster) {
        used.add(spec(address, cluster));
    }

    private static ComputeSpec spec(ComputeAddress address, String cluster) {
        return spec(address, cluster, "main");
    }

    private static ComputeSpec spec(ComputeAddress address, String cluster, String branch) {
        return new ComputeSpec(address.getComputeId(), cluster, branch);
    }

    private static String psql(ComputeAddress address, String sql) {
        return Psql.query(address.getHost(), address.getPort(), FixedRoleSource.ROLE, FixedRoleSource.PASSWORD, sql);
    }

    private void publish(ConnectionEvent event) {
        kafka.produce(ConnectionEvent.class)
            .fromRecords(KafkaCompanion.record(Topics.CONNECTION_EVENTS, event.computeId(), event))
            .awaitCompletion();
    }

    private List<ComputeEvent> events(ComputeAddress address, ComputeEvent.Type type) {
        return computeEvents.getRecords().stream()
            .map(ConsumerRecord::value)
            .filter(event -> event.computeId().equals(address.getComputeId()) && event.type() == type)
            .toList();
    }

    private ComputeEvent awaitEvent(ComputeAddress address, ComputeEvent.Type type) {
        Await.until(type + " of compute " + address.getComputeId(), () -> !events(address, type).isEmpty(),
            EVENT_WAIT);
        return events(address, type).get(0);
    }

    /** Session events sent before compute-manager's consumer has its partitions would arrive too late to count. */
    private void awaitConnectionEventConsumer() {
        Await.until("the compute-manager consumer group", () -> {
            ConsumerGroupDescription group = kafka.consumerGroups().describe("compute-manager");
            return group.groupState() == GroupState.STABLE && !group.members().isEmpty();
        }, Duration.ofSeconds(30));
    }
}
