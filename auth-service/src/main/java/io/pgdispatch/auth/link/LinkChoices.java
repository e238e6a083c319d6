package io.pgdispatch.auth.link;

import io.pgdispatch.contract.router.v1.AccountCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The targets and roles a person may choose for a link session: every branch of each of the account's clusters
 * and every endpoint, oldest cluster first, so the first choice is the oldest cluster's main branch. A target is
 * sent back by the page as its {@link Target#value}; anything else is refused.
 */
public record LinkChoices(List<Target> targets, List<String> roles) {

    /** One entry of the target list: {@code branch:<cluster-id>/<branch>} or {@code endpoint:<endpoint-id>}. */
    public record Target(String value, String label, LinkChoice choiceAs) {
    }

    public static LinkChoices of(List<AccountCluster> clusters, List<String> roles) {
        List<Target> targets = new ArrayList<>();
        for (AccountCluster cluster : clusters) {
            String name = cluster.getName().isEmpty() ? cluster.getClusterId() : cluster.getName();
            for (String branch : cluster.getBranchNamesList()) {
                targets.add(new Target("branch:" + cluster.getClusterId() + "/" + branch,
                    name + " (" + cluster.getClusterId() + "), branch " + branch,
                    new LinkChoice(Optional.of(cluster.getClusterId()), Optional.of(branch), Optional.empty(), "")));
            }
            for (String endpoint : cluster.getEndpointIdsList()) {
                targets.add(new Target("endpoint:" + endpoint, name + " (" + cluster.getClusterId() + "), endpoint "
                    + endpoint, new LinkChoice(Optional.empty(), Optional.empty(), Optional.of(endpoint), "")));
            }
        }
        return new LinkChoices(List.copyOf(targets), List.copyOf(roles));
    }

    /** The choice the page sent, when both the target and the role are among this account's. */
    public Optional<LinkChoice> choose(String target, String role) {
        if (role == null || !roles.contains(role)) {
            return Optional.empty();
        }
        return targets.stream().filter(each -> each.value().equals(target)).findFirst()
            .map(found -> new LinkChoice(found.choiceAs().clusterId(), found.choiceAs().branchName(),
                found.choiceAs().endpointId(), role));
    }
}
