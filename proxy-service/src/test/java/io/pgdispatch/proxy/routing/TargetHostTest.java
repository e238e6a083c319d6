package io.pgdispatch.proxy.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.proxy.protocol.ProtocolException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetHostTest {

    private static final String DOMAIN = "localtest.me";

    @ParameterizedTest
    @CsvSource({
        "cabc123.db.localtest.me, cabc123",
        "CABC123.DB.LocalTest.Me, cabc123",
        "calm-river-7.db.localtest.me, calm-river-7",
    })
    void namesTheClusterOfADatabaseHost(String serverName, String clusterId) {
        assertEquals(Optional.of(TargetHost.cluster(clusterId)), TargetHost.parse(serverName, DOMAIN));
    }

    @ParameterizedTest
    @CsvSource({
        "ep-calm-7.endpoint.localtest.me, ep-calm-7",
        "EP-X.Endpoint.LOCALTEST.me,      ep-x",
    })
    void namesTheEndpointOfAnEndpointHost(String serverName, String endpointId) {
        assertEquals(Optional.of(TargetHost.endpoint(endpointId)), TargetHost.parse(serverName, DOMAIN));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"example.com", "db.example.com", "localtest.me", "xlocaltest.me"})
    void aServerNameOutsideTheDomainNamesNothing(String serverName) {
        assertEquals(Optional.empty(), TargetHost.parse(serverName, DOMAIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"start.localtest.me", "START.LocalTest.me"})
    void theStartHostNamesNoTargetAndAsksForALoginByLink(String serverName) {
        assertTrue(TargetHost.isLinkHost(serverName, DOMAIN));
        assertEquals(Optional.empty(), TargetHost.parse(serverName, DOMAIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"start.db.localtest.me", "restart.localtest.me", "start.example.com"})
    void otherHostsAskForNoLoginByLink(String serverName) {
        assertTrue(!TargetHost.isLinkHost(serverName, DOMAIN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "db.localtest.me                      | 3D000 | names no cluster or endpoint",
        "x.y.db.localtest.me                  | 3D000 | names no cluster or endpoint",
        "a.cache.localtest.me                 | 3D000 | names no cluster or endpoint",
        "endpoint.localtest.me                | 3D000 | connect to <cluster-id>.db.localtest.me or",
        "-bad.db.localtest.me                 | 3D000 | cluster id \"-bad\"",
        "a_b.db.localtest.me                  | 3D000 | cluster id \"a_b\"",
        "ep_1.endpoint.localtest.me           | 3D000 | endpoint id \"ep_1\" in host name",
    })
    void refusesOtherNamesInTheDomainWithAClearError(String serverName, String sqlState, String expected) {
        ProtocolException error = assertThrows(ProtocolException.class, () -> TargetHost.parse(serverName, DOMAIN));
        assertEquals(sqlState, error.sqlState());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
