package io.pgdispatch.compute.grpc;

import io.pgdispatch.contract.compute.v1.ComputeKind;
import io.pgdispatch.contract.compute.v1.CreateBranchRequest;
import io.pgdispatch.contract.compute.v1.DeleteBranchRequest;
import io.pgdispatch.compute.driver.HostAuthentication;
import io.pgdispatch.contract.compute.v1.EnsureComputeRequest;
import io.pgdispatch.contract.target.Lsn;
import io.pgdispatch.contract.target.PointInTime;
import io.pgdispatch.contract.target.ResourceName;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What is wrong with a request, told as INVALID_ARGUMENT. Cluster and branch ids name folders of the local driver,
 * so only valid resource names pass.
 */
final class RequestProblems {

    private RequestProblems() {
    }

    static Optional<String> of(EnsureComputeRequest request) {
        return account(request.getAccountId())
            .or(() -> name("cluster_id", request.getClusterId()))
            .or(() -> name("branch_id", request.getBranchId()))
            .or(() -> request.hasPointInTime() ? pointInTimeProblem(request.getPointInTime()) : Optional.empty())
            .or(() -> request.hasAuthentication() ? HostAuthentication.problem(request.getAuthentication().getMethod(),
                request.getAuthentication().getOptions()) : Optional.empty())
            .or(() -> kindProblem(request));
    }

    /** The compute authentication of a request whose {@link #of} found no problem; the default when unset. */
    static HostAuthentication authentication(EnsureComputeRequest request) {
        return request.hasAuthentication() ? new HostAuthentication(request.getAuthentication().getMethod(),
            request.getAuthentication().getOptions()) : HostAuthentication.DEFAULT;
    }

    private static Optional<String> kindProblem(EnsureComputeRequest request) {
        boolean replica = request.getKind() == ComputeKind.READ_REPLICA;
        if (replica && request.hasPointInTime()) {
            return Optional.of("point_in_time: a compute at a point in time is read-only already, so it needs no"
                + " read replica: leave out read_replica");
        }
        if (request.getOneOff() && request.getSessionId().isBlank()) {
            return Optional.of("session_id is required for a one-off compute");
        }
        return Optional.empty();
    }

    /** The point in time of a request whose {@link #of} found no problem. */
    static PointInTime pointInTime(io.pgdispatch.contract.compute.v1.PointInTime point) {
        return switch (point.getPointCase()) {
            case TIMESTAMP -> PointInTime.at(Instant.parse(point.getTimestamp()));
            case LSN -> PointInTime.at(Lsn.parse(point.getLsn()));
            case POINT_NOT_SET -> throw new IllegalArgumentException("point_in_time names no point");
        };
    }

    static Optional<String> of(CreateBranchRequest request) {
        Optional<String> problem = account(request.getAccountId())
            .or(() -> name("cluster_id", request.getClusterId()))
            .or(() -> name("parent_branch_id", request.getParentBranchId()))
            .or(() -> name("branch_id", request.getBranchId()));
        if (problem.isEmpty() && request.getBranchId().equals(request.getParentBranchId())) {
            return Optional.of("branch_id: must differ from parent_branch_id");
        }
        return problem.or(() -> request.hasPointInTime() ? pointInTimeProblem(request.getPointInTime())
            : Optional.empty());
    }

    static Optional<String> of(DeleteBranchRequest request) {
        return account(request.getAccountId())
            .or(() -> name("cluster_id", request.getClusterId()))
            .or(() -> name("branch_id", request.getBranchId()));
    }

    private static Optional<String> pointInTimeProblem(io.pgdispatch.contract.compute.v1.PointInTime point) {
        try {
            pointInTime(point);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("point_in_time.timestamp: not an RFC 3339 time in UTC: " + point.getTimestamp());
        } catch (IllegalArgumentException e) {
            return Optional.of("point_in_time: " + e.getMessage());
        }
    }

    private static Optional<String> account(String accountId) {
        return accountId.isBlank() ? Optional.of("account_id is required") : Optional.empty();
    }

    private static Optional<String> name(String field, String value) {
        return ResourceName.problem(value).map(problem -> field + ": " + problem);
    }
}
