package io.pgdispatch.compute.grpc;

import io.pgdispatch.contract.compute.v1.CreateBranchRequest;
import io.pgdispatch.contract.compute.v1.EnsureComputeRequest;
import io.pgdispatch.contract.target.ResourceName;
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
            .or(() -> name("branch_id", request.getBranchId()));
    }

    static Optional<String> of(CreateBranchRequest request) {
        Optional<String> problem = account(request.getAccountId())
            .or(() -> name("cluster_id", request.getClusterId()))
            .or(() -> name("parent_branch_id", request.getParentBranchId()))
            .or(() -> name("branch_id", request.getBranchId()));
        if (problem.isEmpty() && request.getBranchId().equals(request.getParentBranchId())) {
            return Optional.of("branch_id: must differ from parent_branch_id");
        }
        return problem;
    }

    private static Optional<String> account(String accountId) {
        return accountId.isBlank() ? Optional.of("account_id is required") : Optional.empty();
    }

    private static Optional<String> name(String field, String value) {
        return ResourceName.problem(value).map(problem -> field + ": " + problem);
    }
}
