package io.pgdispatch.router.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.contract.router.v1.AnonymousAccess;
import io.pgdispatch.contract.router.v1.LookupTargetRequest;
import io.pgdispatch.contract.router.v1.LookupTargetResponse;
import io.pgdispatch.contract.router.v1.RouterService;
import io.pgdispatch.router.support.Accounts;
import io.pgdispatch.router.support.ReachableAuthService;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.pgdispatch.testing.KafkaBroker;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cluster's choice of who authenticates its connections, through the management API: the proxy by default, or
 * its computes with a pg_hba.conf method; and whether it serves anonymous sessions. What a compute could not take
 * is refused and changes nothing.
 */
@QuarkusTest
@TestProfile(ReachableAuthService.class)
@QuarkusTestResource(ControlPlaneDatabase.class)
@QuarkusTestResource(KafkaBroker.class)
class ClusterAuthenticationApiTest {

    private static final String LDAP = "{\"authentication\": {\"mode\": \"passthrough\", \"method\": \"ldap\","
        + " \"options\": \"ldapserver=ldap.example.com ldapprefix=\\\"uid=\\\""
        + " ldapsuffix=\\\",dc=example,dc=com\\\"\"}}";

    @GrpcClient("router")
    RouterService router;

    @Test
    void aClusterCanLeaveAuthenticationToItsComputesAndTakeItBack() {
        Accounts alice = Accounts.fresh();
        String cluster = alice.createCluster("directory");
        alice.request().get("/v1/clusters/" + cluster).then().statusCode(200)
            .body("authentication.mode", equalTo("proxy"))
            .body("authentication.method", nullValue());
        assertFalse(passthroughAtLookup(cluster));

        alice.request().body(LDAP).patch("/v1/clusters/" + cluster).then().statusCode(200)
            .body("authentication.mode", equalTo("passthrough"))
            .body("authentication.method", equalTo("ldap"))
            .body("authentication.options", containsString("ldapsuffix=\",dc=example,dc=com\""))
            .body("optionsRoutingAllowed", equalTo(true));
        assertTrue(passthroughAtLookup(cluster));

        alice.request().body("{\"authentication\": {\"mode\": \"proxy\"}}").patch("/v1/clusters/" + cluster)
            .then().statusCode(200)
            .body("authentication.mode", equalTo("proxy"));
        assertFalse(passthroughAtLookup(cluster));
    }

    @Test
    void settingsAComputeCouldNotTakeAreRefusedAndChangeNothing() {
        Accounts alice = Accounts.fresh();
        String cluster = alice.createCluster("refusals");
        alice.request().body(LDAP).patch("/v1/clusters/" + cluster).then().statusCode(200);
        List<String> refused = List.of(
            "{\"authentication\": {\"mode\": \"passthrough\", \"method\": \"trust\"}}",
            "{\"authentication\": {\"mode\": \"passthrough\"}}",
            "{\"authentication\": {\"mode\": \"passthrough\", \"method\": \"ldap\"}}",
            "{\"authentication\": {\"mode\": \"passthrough\", \"method\": \"ldap\","
                + " \"options\": \"ldapserver=a\\nhost all all 0.0.0.0/0 trust\"}}",
            "{\"authentication\": {\"mode\": \"passthrough\", \"method\": \"md5\", \"options\": \"# cut\"}}",
            "{\"authentication\": {\"mode\": \"proxy\", \"method\": \"md5\"}}",
            "{\"authentication\": {\"mode\": \"compute\"}}",
            "{\"optionsRoutingAllowed\": false, \"authentication\": {\"mode\": \"passthrough\", \"method\": \"x\"}}");

        for (String body : refused) {
            alice.request().body(body).patch("/v1/clusters/" + cluster).then().statusCode(400)
                .body("error", containsString("\""));
        }

        alice.request().get("/v1/clusters/" + cluster).then()
            .body("authentication.method", equalTo("ldap"))
            .body("optionsRoutingAllowed", equalTo(true));
        Accounts.fresh().request().body("{\"authentication\": {\"mode\": \"proxy\"}}")
            .patch("/v1/clusters/" + cluster).then().statusCode(404);
    }

    @Test
    void anonymousAccessIsOffUntilTurnedOnAndItsLimitsAreChecked() {
        Accounts alice = Accounts.fresh();
        String cluster = alice.createCluster("docs");
        alice.request().get("/v1/clusters/" + cluster).then()
            .body("anonymous.access", equalTo("off"))
            .body("anonymous.connectionLimit", equalTo(20))
            .body("anonymous.statementTimeoutMs", equalTo(30000));

        alice.request().body("{\"anonymous\": {\"access\": \"sandbox\", \"connectionLimit\": 5}}")
            .patch("/v1/clusters/" + cluster).then().statusCode(200)
            .body("anonymous.access", equalTo("sandbox"))
            .body("anonymous.connectionLimit", equalTo(5))
            .body("anonymous.statementTimeoutMs", equalTo(30000));
        LookupTargetResponse found = lookup(cluster);
        assertEquals(AnonymousAccess.Mode.SANDBOX, found.getAnonymous().getMode());
        assertEquals(5, found.getAnonymous().getConnectionLimit());

        for (String body : List.of("{\"anonymous\": {\"access\": \"public\"}}",
                "{\"anonymous\": {\"access\": \"read-only\", \"connectionLimit\": 0}}",
                "{\"anonymous\": {\"access\": \"read-only\", \"statementTimeoutMs\": 50}}",
                "{\"anonymous\": {}}")) {
            alice.request().body(body).patch("/v1/clusters/" + cluster).then().statusCode(400)
                .body("error", containsString("anonymous"));
        }
        assertEquals(AnonymousAccess.Mode.SANDBOX, lookup(cluster).getAnonymous().getMode());
    }

    private LookupTargetResponse lookup(String cluster) {
        return router.lookupTarget(LookupTargetRequest.newBuilder().setClusterId(cluster).build())
            .await().atMost(Duration.ofSeconds(10));
    }

    private boolean passthroughAtLookup(String cluster) {
        return lookup(cluster).getPassthroughAuthentication();
    }
}
