package io.pgdispatch.auth.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.contract.router.v1.AccountCluster;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkChoicesTest {

    private static final AccountCluster SHOP = cluster("cshop", "shop", List.of("main", "testing"), List.of("ep-shop"));
    private static final AccountCluster MAIN = cluster("cmain", "main", List.of("main"), List.of());
    private static final List<String> ROLES = List.of("alice", "bob");

    @Test
    void everyBranchAndEndpointIsOfferedOldestClusterFirst() {
        LinkChoices choices = LinkChoices.of(List.of(SHOP), ROLES, Optional.empty());

        assertEquals(List.of("branch:cshop/main", "branch:cshop/testing", "endpoint:ep-shop"), values(choices));
        assertEquals("shop (cshop), branch testing", choices.targets().get(1).label());
    }

    @Test
    void aClusterNamedMainComesFirst() {
        assertEquals("branch:cmain/main", values(LinkChoices.of(List.of(SHOP, MAIN), ROLES, Optional.empty())).get(0));
    }

    @Test
    void theAccountsChosenTargetComesFirstWhileItExists() {
        assertEquals(List.of("endpoint:ep-shop", "branch:cshop/main", "branch:cshop/testing", "branch:cmain/main"),
            values(LinkChoices.of(List.of(SHOP, MAIN), ROLES, Optional.of("endpoint:ep-shop"))));
        assertEquals("branch:cmain/main",
            values(LinkChoices.of(List.of(SHOP, MAIN), ROLES, Optional.of("endpoint:gone"))).get(0));
    }

    @Test
    void onlyOfferedTargetsAndTheAccountsRolesCanBeChosen() {
        LinkChoices choices = LinkChoices.of(List.of(SHOP), ROLES, Optional.empty());

        assertEquals(Optional.of(new LinkChoice(Optional.of("cshop"), Optional.of("testing"), Optional.empty(),
            "bob")), choices.choose("branch:cshop/testing", "bob"));
        assertEquals(Optional.of(new LinkChoice(Optional.empty(), Optional.empty(), Optional.of("ep-shop"), "alice")),
            choices.choose("endpoint:ep-shop", "alice"));
        assertEquals(Optional.empty(), choices.choose("branch:cother/main", "alice"));
        assertEquals(Optional.empty(), choices.choose("branch:cshop/main", "mallory"));
        assertEquals(Optional.empty(), choices.choose(null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"branch:cshop/main", "branch:c1/feature-2", "endpoint:ep-shop"})
    void wellFormedTargetsHaveNoProblem(String target) {
        assertEquals(Optional.empty(), LinkChoices.problem(target));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "branch:cshop             | is neither branch:<cluster-id>/<branch> nor endpoint:<endpoint-id>",
        "branch:Shop/main         | cluster id \"Shop\"",
        "branch:cshop/Main        | branch name \"Main\"",
        "endpoint:                | endpoint id \"\"",
        "cluster:cshop            | is neither",
    })
    void malformedTargetsSayWhatToWrite(String target, String expected) {
        String problem = LinkChoices.problem(target).orElseThrow();
        assertTrue(problem.contains(expected), problem);
    }

    private static List<String> values(LinkChoices choices) {
        return choices.targets().stream().map(LinkChoices.Target::value).toList();
    }

    private static AccountCluster cluster(String id, String name, List<String> branches, List<String> endpoints) {
        return AccountCluster.newBuilder().setClusterId(id).setName(name).addAllBranchNames(branches)
            .addAllEndpointIds(endpoints).build();
    }
}
