package io.pgdispatch.auth.link;

import io.pgdispatch.contract.router.v1.AccountCluster;
import io.pgdispatch.contract.target.ResourceName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The targets and roles a person may choose for a link session: every branch of each of the account's clusters
 * and every endpoint, oldest cluster first. The page offers the first one unless the person picks another, so the
 * account's chosen target comes first when it still exists, else the main branch of a cluster named {@code main},
 * else the oldest cluster's main branch. A target is sent back by the page as its {@link Target#value}; anything
 * else is refused.
 */
public record LinkChoices(List<Target> targets, List<String> roles) {

    private static final Pattern BRANCH = Pattern.compile("branch:([^/]*)/(.*)");
    private static final String ENDPOINT = "endpoint:";
    /** The name of every cluster's first branch, and the name of the cluster a link page prefers. */
    private static final String MAIN = "main";

    /** One entry of the target list: {@code branch:<cluster-id>/<branch>} or {@code endpoint:<endpoint-id>}. */
    public record Target(String value, String label, LinkChoice choiceAs) {
    }

    /** What is wrong with a target written as the page writes one; empty when it is well formed. */
    public static Optional<String> problem(String target) {
        if (target == null) {
            return Optional.of("target must be given, as branch:<cluster-id>/<branch> or endpoint:<endpoint-id>");
        }
        Matcher branch = BRANCH.matcher(target);
        if (branch.matches()) {
            return ResourceName.problem(branch.group(1)).map(problem -> "cluster id \"" + branch.group(1) + "\" "
                + problem).or(() -> ResourceName.problem(branch.group(2))
                .map(problem -> "branch name \"" + branch.group(2) + "\" " + problem));
        }
        if (target.startsWith(ENDPOINT)) {
            String endpoint = target.substring(ENDPOINT.length());
            return ResourceName.problem(endpoint).map(problem -> "endpoint id \"" + endpoint + "\" " + problem);
        }
        return Optional.of("target \"" + target + "\" is neither branch:<cluster-id>/<branch> nor"
            + " endpoint:<endpoint-id>");
    }

    public static LinkChoices of(List<AccountCluster> clusters, List<String> roles, Optional<String> preferred) {
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
        String first = preferred.filter(value -> targets.stream().anyMatch(each -> each.value().equals(value)))
            .or(() -> clusters.stream().filter(cluster -> cluster.getName().equals(MAIN)).findFirst()
                .map(cluster -> "branch:" + cluster.getClusterId() + "/" + MAIN))
            .orElse("");
        targets.sort(Comparator.comparing(target -> !target.value().equals(first)));
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
