package io.pgdispatch.router.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.pgdispatch.router.cluster.Target;
import io.pgdispatch.router.store.BranchStore;
import io.pgdispatch.router.store.ClusterStore;
import io.pgdispatch.router.support.Accounts;
import io.pgdispatch.router.support.ReachableAuthService;
import io.pgdispatch.testing.ControlPlaneDatabase;
import io.pgdispatch.testing.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The endpoint operations of the management API, with API keys checked by a reachable auth-service. */
@QuarkusTest
@TestProfile(ReachableAuthService.class)
@QuarkusTestResource(ControlPlaneDatabase.class)
@QuarkusTestResource(KafkaBroker.class)
class EndpointApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ClusterStore clusters;

    @Inject
    BranchStore branches;

    @Test
    void anEndpointIsCreatedListedReadReplacedAndDeleted() {
        Accounts alice = Accounts.fresh();
        String cluster = alice.createCluster("shop");
        addBranch(alice, cluster, "testing");

        String id = alice.request().body("""
                {"branch": "testing", "timestamp": "2026-01-02", "readReplica": true,
                 "allowedAddresses": ["203.0.113.7", "10.1.0.0/16", "2001:db8::/32", "10.1.0.0/16"],
                 "allowedVpcEndpoints": ["vpce-0a1b2c3d4e5f67890"], "vpcOnly": true, "listenAddress": "[::1]:15432"}
                """)
            .post("/v1/clusters/" + cluster + "/endpoints")
            .then().statusCode(201)
            .body("id", matchesPattern("ep-[a-z2-7]{12}"))
            .body("clusterId", equalTo(cluster))
            .body("branch", equalTo("testing"))
            .body("timestamp", equalTo("2026-01-02T00:00:00Z"))
            .body("lsn", nullValue())
            .body("readReplica", equalTo(true))
            .body("allowedAddresses", equalTo(List.of("203.0.113.7", "10.1.0.0/16", "2001:db8:0:0:0:0:0:0/32")))
            .body("allowedVpcEndpoints", equalTo(List.of("vpce-0a1b2c3d4e5f67890")))
            .body("vpcOnly", equalTo(true))
            .body("listenAddress", equalTo("[0:0:0:0:0:0:0:1]:15432"))
            .extract().path("id");

        alice.request().get("/v1/clusters/" + cluster + "/endpoints")
            .then().statusCode(200)
            .body("id", equalTo(List.of(id)));
        alice.request().get("/v1/endpoints/" + id)
            .then().statusCode(200)
            .body("branch", equalTo("testing"))
            .body("listenAddress", equalTo("[0:0:0:0:0:0:0:1]:15432"));

        alice.request().body("{\"lsn\": \"0/16b3748\", \"allowedAddresses\": [\"192.0.2.0/24\"]}")
            .put("/v1/endpoints/" + id)
            .then().statusCode(200)
            .body("clusterId", equalTo(cluster))
            .body("branch", equalTo("main"))
            .body("timestamp", nullValue())
            .body("lsn", equalTo("0/16B3748"))
            .body("readReplica", equalTo(false))
            .body("allowedAddresses", equalTo(List.of("192.0.2.0/24")))
            .body("allowedVpcEndpoints", empty())
            .body("vpcOnly", equalTo(false))
            .body("listenAddress", nullValue());

        alice.request().delete("/v1/endpoints/" + id).then().statusCode(204);
        alice.request().get("/v1/endpoints/" + id)
            .then().statusCode(404)
            .body("error", equalTo("endpoint \"" + id + "\" does not exist"));
        alice.request().get("/v1/clusters/" + cluster + "/endpoints")
            .then().statusCode(200)
            .body("", empty());
    }

    @Test
    void anEmptyBodyServesMainAsItIsNowToEveryone() {
        Accounts alice = Accounts.fresh();
        String cluster = alice.createCluster("defaults");

        alice.request().post("/v1/clusters/" + cluster + "/endpoints")
            .then().statusCode(201)
            .body("branch", equalTo("main"))
            .body("timestamp", nullValue())
            .body("lsn", nullValue())
            .body("readReplica", equalTo(false))
            .body("allowedAddresses", empty())
            .body("allowedVpcEndpoints", empty())
            .body("vpcOnly", equalTo(false))
            .body("listenAddress", nullValue());
    }

    @Test
    void everyBadSettingIsRefusedNamingTheValueAndWhatToWrite() {
        Accounts alice = Accounts.fresh();
        String cluster = alice.createCluster("refusals");

        assertRefused(alice, cluster, "{\"allowedAddresses\": [\"10.0.0.1/8\"]}", "did you mean 10.0.0.0/8?");
        assertRefused(alice, cluster, "{\"allowedAddresses\": [\"db.example.com\"]}",
            "invalid allowlist entry \"db.example.com\": write an IPv4 or IPv6 address");
        assertRefused(alice, cluster, "{\"allowedAddresses\": [\"10.0.0.0/33\"]}", "prefix length must be 0 to 32");
        assertRefused(alice, cluster, "{\"allowedVpcEndpoints\": [\"vpce-ABC\"]}",
            "invalid VPC endpoint id \"vpce-ABC\": write vpce- and 1 to 32 lowercase letters and digits");
        assertRefused(alice, cluster, "{\"timestamp\": \"2026-01-02\", \"lsn\": \"0/1\"}",
            "both timestamp \"2026-01-02\" and lsn \"0/1\" are given");
        assertRefused(alice, cluster, "{\"timestamp\": \"2999-01-01T00:00:00Z\"}",
            "timestamp \"2999-01-01T00:00:00Z\" is in the future");
        assertRefused(alice, cluster, "{\"timestamp\": \"yesterday\"}",
            "invalid timestamp \"yesterday\": write an RFC 3339 date-time");
        assertRefused(alice, cluster, "{\"timestamp\": \"2026-13-01\"}", "invalid timestamp \"2026-13-01\"");
        assertRefused(alice, cluster, "{\"lsn\": \"16B3748\"}", "invalid LSN \"16B3748\"");
        assertRefused(alice, cluster, "{\"branch\": \"dev\"}",
            "branch \"dev\" not found in cluster \"" + cluster + "\": name one of its branches");
        assertRefused(alice, cluster, "{\"listenAddress\": \"localhost:5432\"}",
            "invalid listen address \"localhost:5432\": write a literal IP address and a port");
        assertRefused(alice, cluster, "{\"listenAddress\": \"127.0.0.42\"}", "invalid listen address");
        assertRefused(alice, cluster, "{\"listenAddress\": \"999.0.0.1:5432\"}", "invalid listen address");
        assertRefused(alice, cluster, "{\"listenAddress\": \"127.0.0.42:0\"}", "has port 0: use a port from 1");
        assertRefused(alice, cluster, "{\"listenAddress\": \"127.0.0.42:70000\"}", "has port 70000");
        assertRefused(alice, cluster, "{\"listenAddress\": \"0.0.0.0:5432\"}", "is not one host's address");
        assertRefused(alice, cluster, "{\"allowedAddress\": [\"10.0.0.0/8\"]}",
            "unknown field \"allowedAddress\" in the request body: the fields are allowedAddresses,");
        assertRefused(alice, cluster, "{\"readReplica\": \"yes\"}",
            "field \"readReplica\" in the request body has a value of the wrong type: write true or false");
        assertRefused(alice, cluster, "{\"branch\": ", "the request body is not valid JSON");

        alice.request().get("/v1/clusters/" + cluster + "/endpoints")
            .then().statusCode(200)
            .body("", empty());
    }

    @Test
    void anEndpointHasItsOwnAnonymousAccessOrFollowsItsCluster() {
        Accounts alice = Accounts.fresh();
        String cluster = alice.createCluster("docs");

        String id = alice.request().body("{\"anonymous\": {\"access\": \"read-only\", \"connectionLimit\": 5}}")
            .post("/v1/clusters/" + cluster + "/endpoints")
            .then().statusCode(201)
            .body("anonymous.access", equalTo("read-only"))
            .body("anonymous.connectionLimit", equalTo(5))
            .body("anonymous.statementTimeoutMs", equalTo(30000))
            .extract().path("id");
        alice.request().get("/v1/endpoints/" + id)
            .then().statusCode(200)
            .body("anonymous.access", equalTo("read-only"));

        alice.request().body("{\"anonymous\": {\"access\": \"off\"}}").put("/v1/endpoints/" + id)
            .then().statusCode(200)
            .body("anonymous.access", equalTo("off"));
        alice.request().body("{}").put("/v1/endpoints/" + id)
            .then().statusCode(200)
            .body("anonymous", nullValue());

        assertRefused(alice, cluster, "{\"anonymous\": {\"access\": \"public\"}}",
            "anonymous \"access\" must be \"off\", \"read-only\" or \"sandbox\"");
        assertRefused(alice, cluster, "{\"anonymous\": {\"access\": \"sandbox\", \"connectionLimit\": 0}}",
            "anonymous \"connectionLimit\" must be 1 to 10000");
        alice.request().get("/v1/clusters/" + cluster + "/endpoints")
            .then().statusCode(200)
            .body("id", equalTo(List.of(id)));
    }

    @Test
    void aListenAddressBelongsToOneEndpointOfAnyAccount() {
        Accounts alice = Accounts.fresh();
        Accounts bob = Accounts.fresh();
        String body = "{\"listenAddress\": \"127.0.0.43:5432\"}";
        alice.request().body(body).post("/v1/clusters/" + alice.createCluster("first") + "/endpoints")
            .then().statusCode(201);

        bob.request().body("{\"listenAddress\": \"127.0.0.043:5432\"}")
            .post("/v1/clusters/" + bob.createCluster("second") + "/endpoints")
            .then().statusCode(409)
            .body("error", equalTo("listen address \"127.0.0.43:5432\" is already used by another endpoint: choose"
                + " another address or port"));
        String other = alice.request().post("/v1/clusters/" + alice.createCluster("third") + "/endpoints")
            .then().statusCode(201).extract().path("id");
        alice.request().body(body).put("/v1/endpoints/" + other)
            .then().statusCode(409);
    }

    @Test
    void anotherAccountsClusterAndEndpointAnswer404AndStayUnchanged() {
        Accounts alice = Accounts.fresh();
        Accounts bob = Accounts.fresh();
        String cluster = alice.createCluster("private");
        String id = alice.request().body("{\"allowedAddresses\": [\"198.51.100.0/24\"]}")
            .post("/v1/clusters/" + cluster + "/endpoints")
            .then().statusCode(201).extract().path("id");

        bob.request().get("/v1/endpoints/" + id).then().statusCode(404);
        bob.request().body("{}").put("/v1/endpoints/" + id).then().statusCode(404);
        bob.request().delete("/v1/endpoints/" + id).then().statusCode(404);
        bob.request().get("/v1/clusters/" + cluster + "/endpoints").then().statusCode(404);
        bob.request().post("/v1/clusters/" + cluster + "/endpoints").then().statusCode(404)
            .body("error", containsString("cluster \"" + cluster + "\" not found"));
        bob.request().body("{\"optionsRoutingAllowed\": false}").patch("/v1/clusters/" + cluster)
            .then().statusCode(404);

        alice.request().get("/v1/endpoints/" + id)
            .then().statusCode(200)
            .body("allowedAddresses", equalTo(List.of("198.51.100.0/24")));
        alice.request().get("/v1/clusters/" + cluster)
            .then().statusCode(200)
            .body("optionsRoutingAllowed", equalTo(true));
    }

    @Test
    void aClusterCanRefuseConnectionsThatNameItInOptions() {
        Accounts alice = Accounts.fresh();
        String cluster = alice.createCluster("endpoints-only");

        alice.request().body("{\"optionsRoutingAllowed\": false}").patch("/v1/clusters/" + cluster)
            .then().statusCode(200)
            .body("id", equalTo(cluster))
            .body("optionsRoutingAllowed", equalTo(false))
            .body("branches.name", equalTo(List.of("main")));
        alice.request().get("/v1/clusters/" + cluster)
            .then().body("optionsRoutingAllowed", equalTo(false));

        alice.request().body("{}").patch("/v1/clusters/" + cluster)
            .then().statusCode(400)
            .body("error", containsString("the request changes nothing"));
        alice.request().body("{\"optionsRoutingAllowed\": true}").patch("/v1/clusters/" + cluster)
            .then().statusCode(200)
            .body("optionsRoutingAllowed", equalTo(true));
    }

    @Test
    void theEndpointOperationsRefuseARequestWithoutAValidApiKey() {
        given().get("/v1/endpoints/ep-aaaaaaaaaaaa")
            .then().statusCode(401)
            .body("error", containsString("Authorization: Bearer"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer pgd_unknown").body("{}")
            .post("/v1/clusters/c3kq7zm2xa4f/endpoints")
            .then().statusCode(401)
            .body("error", not(containsString("endpoint")));
    }

    @Test
    void aWrongPathOrMethodKeepsItsOwnStatus() {
        Accounts alice = Accounts.fresh();

        alice.request().get("/v1/nowhere").then().statusCode(404);
        alice.request().body("{}").patch("/v1/endpoints/ep-aaaaaaaaaaaa").then().statusCode(405);
    }

    private void assertRefused(Accounts account, String cluster, String body, String message) {
        account.request().body(body).post("/v1/clusters/" + cluster + "/endpoints")
            .then().statusCode(400)
            .contentType(ContentType.JSON)
            .body("error", containsString(message));
    }

    private void addBranch(Accounts account, String clusterId, String name) {
        Target main = clusters.findTargetByName(account.accountId(), clusterId, "main").await().atMost(WAIT);
        branches.insert(main, name).await().atMost(WAIT);
    }
}
