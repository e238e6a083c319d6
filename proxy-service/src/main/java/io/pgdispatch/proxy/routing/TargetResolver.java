package io.pgdispatch.proxy.routing;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pgdispatch.contract.compute.v1.ComputeAddress;
import io.pgdispatch.contract.compute.v1.ComputeKind;
import io.pgdispatch.contract.compute.v1.PlatformLogin;
import io.pgdispatch.contract.router.v1.ConnectTargetRequest;
import io.pgdispatch.contract.router.v1.LookupTargetRequest;
import io.pgdispatch.contract.router.v1.LookupTargetResponse;
import io.pgdispatch.contract.router.v1.RouterService;
import io.pgdispatch.contract.target.Lsn;
import io.pgdispatch.contract.target.PointInTime;
import io.pgdispatch.proxy.ProxyConfig;
import io.pgdispatch.proxy.access.AccessPolicy;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import io.pgdispatch.proxy.routing.TargetHost.Kind;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks router-service what a connection's target is and where its compute runs, and turns the router's gRPC
 * statuses into the SQLSTATEs a client understands.
 *
 * <p>Targets found are kept for {@link ProxyConfig#targetCacheTtl()}, so a burst of connections costs one router
 * call; a catalog event about an endpoint or cluster drops what is kept about it ({@link #forget}), so that a
 * changed allowlist applies to the next connection. Only targets that exist are kept: an unknown name is asked
 * again each time, so a new endpoint works at once.
 */
@ApplicationScoped
public class TargetResolver {

    @GrpcClient("router")
    RouterService router;

    @Inject
    ProxyConfig config;

    private final Map<LookupKey, Cached> cache = new ConcurrentHashMap<>();
    /** Counts invalidations, so that a lookup that raced with one does not store what it read before it. */
    private final AtomicLong generation = new AtomicLong();

    /** The requested target; 3D000 when there is no such cluster, branch or endpoint. */
    public Uni<Target> lookup(RequestedTarget requested) {
        LookupKey key = new LookupKey(requested.kind(), requested.id(), requested.branchName().orElse(""));
        Cached cached = cache.get(key);
        if (cached != null && cached.expiresAt() - System.nanoTime() > 0) {
            return Uni.createFrom().item(cached.target());
        }
        long startedIn = generation.get();
        LookupTargetRequest.Builder request = LookupTargetRequest.newBuilder();
        if (key.kind() == Kind.ENDPOINT) {
            request.setEndpointId(key.id());
        } else {
            request.setClusterId(key.id()).setBranchName(key.branchName());
        }
        return router.lookupTarget(request.build())
            .map(TargetResolver::targetOf)
            .invoke(target -> {
                if (generation.get() == startedIn) {
                    cache.put(key, new Cached(target, System.nanoTime() + config.targetCacheTtl().toNanos()));
                }
            })
            .onFailure(StatusRuntimeException.class).transform(TargetResolver::toClientError);
    }

    /** Drops what is kept about a cluster (with its endpoints) or an endpoint, after a catalog change. */
    public void forget(String clusterId, String endpointId) {
        generation.incrementAndGet();
        cache.entrySet().removeIf(entry -> entry.getValue().target().clusterId().equals(clusterId)
            || entry.getKey().kind() == Kind.ENDPOINT && entry.getKey().id().equals(endpointId));
    }

    /**
     * The address of the compute serving the target, its primary, its compute at the point in time or its replica,
     * started first when needed; 57P03 after the compute timeout. A one-off replica or copy belongs to the session.
     * A session without a role password asks for the password of the platform role it logs in as.
     */
    public Uni<ComputeAddress> connect(Target target, String sessionId, PlatformLogin login) {
        ConnectTargetRequest.Builder request = ConnectTargetRequest.newBuilder()
            .setAccountId(target.accountId())
            .setClusterId(target.clusterId())
            .setBranchId(target.branchId())
            .setKind(target.readReplica() == ReadReplica.NONE ? ComputeKind.PRIMARY : ComputeKind.READ_REPLICA)
            .setOneOff(target.readReplica() == ReadReplica.ONE_OFF || target.oneOff())
            .setSessionId(sessionId)
            .setPlatformLogin(login);
        target.endpointId().ifPresent(request::setEndpointId);
        target.pointInTime().ifPresent(point -> request.setPointInTime(toProto(point)));
        return router.connectTarget(request.build())
            .ifNoItem().after(config.computeTimeout()).failWith(() -> new ProtocolException(
                SqlState.CANNOT_CONNECT_NOW, "the compute for " + target + " did not start within "
                    + config.computeTimeout().toSeconds() + " s: try again in a moment"))
            .onFailure(StatusRuntimeException.class).transform(TargetResolver::toClientError);
    }

    private static Target targetOf(LookupTargetResponse found) {
        Optional<String> endpoint = Optional.of(found.getEndpointId()).filter(id -> !id.isEmpty());
        Optional<PointInTime> point = found.hasPointInTime() ? Optional.of(fromProto(found.getPointInTime()))
            : Optional.empty();
        return new Target(found.getAccountId(), found.getClusterId(), found.getBranchId(), found.getBranchName(),
            point, found.getReadReplica() ? ReadReplica.SHARED : ReadReplica.NONE, false, endpoint,
            endpoint.isPresent() ? AccessPolicy.of(found.getAccess()) : AccessPolicy.OPEN,
            found.getOptionsRoutingAllowed(), found.getPassthroughAuthentication(), anonymousOf(found.getAnonymous()));
    }

    private static AnonymousAccess anonymousOf(io.pgdispatch.contract.router.v1.AnonymousAccess anonymous) {
        AnonymousAccess.Mode mode = switch (anonymous.getMode()) {
            case READ_ONLY -> AnonymousAccess.Mode.READ_ONLY;
            case SANDBOX -> AnonymousAccess.Mode.SANDBOX;
            case OFF, UNRECOGNIZED -> AnonymousAccess.Mode.OFF;
        };
        if (mode == AnonymousAccess.Mode.OFF && !anonymous.getEndpointOwn()) {
            return AnonymousAccess.OFF;
        }
        return new AnonymousAccess(mode, anonymous.getConnectionLimit(),
            Duration.ofMillis(anonymous.getStatementTimeoutMs()), anonymous.getEndpointOwn());
    }

    /** router.proto writes a timestamp as an RFC 3339 time in UTC and an LSN as PostgreSQL prints it. */
    private static PointInTime fromProto(io.pgdispatch.contract.compute.v1.PointInTime point) {
        return switch (point.getPointCase()) {
            case TIMESTAMP -> PointInTime.at(Instant.parse(point.getTimestamp()));
            case LSN -> PointInTime.at(Lsn.parse(point.getLsn()));
            case POINT_NOT_SET -> throw new IllegalStateException("router-service sent a point in time without one");
        };
    }

    private static io.pgdispatch.contract.compute.v1.PointInTime toProto(PointInTime point) {
        io.pgdispatch.contract.compute.v1.PointInTime.Builder proto =
            io.pgdispatch.contract.compute.v1.PointInTime.newBuilder();
        if (point instanceof PointInTime.Time time) {
            return proto.setTimestamp(time.time().toString()).build();
        }
        return proto.setLsn(((PointInTime.Position) point).lsn().toString()).build();
    }

    private static ProtocolException toClientError(Throwable failure) {
        Status status = ((StatusRuntimeException) failure).getStatus();
        String description = status.getDescription() == null ? status.getCode().name() : status.getDescription();
        return switch (status.getCode()) {
            case NOT_FOUND -> new ProtocolException(SqlState.INVALID_CATALOG_NAME, description);
            case UNIMPLEMENTED -> new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED, description);
            case INVALID_ARGUMENT, OUT_OF_RANGE -> new ProtocolException(SqlState.INVALID_PARAMETER_VALUE,
                description);
            case DEADLINE_EXCEEDED -> new ProtocolException(SqlState.CANNOT_CONNECT_NOW,
                "the compute is still starting: try again in a moment (" + description + ")");
            default -> new ProtocolException(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                "could not reach the compute: " + description, failure);
        };
    }

    private record LookupKey(Kind kind, String id, String branchName) {
    }

    private record Cached(Target target, long expiresAt) {
    }
}
