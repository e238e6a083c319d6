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
        assertEquals(Optional.of(new TargetHost(clusterId)), TargetHost.parse(serverName, DOMAIN));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"example.com", "db.example.com", "localtest.me", "xlocaltest.me"})
    void aServerNameOutsideTheDomainNamesNothing(String serverName) {
        assertEquals(Optional.empty(), TargetHost.parse(serverName, DOMAIN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "db.localtest.me                      | 3D000 | names no cluster",
        "x.y.db.localtest.me                  | 3D000 | names no cluster",
        "a.cache.localtest.me                 | 3D000 | names no cluster",
        "-bad.db.localtest.me                 | 3D000 | \"-bad\"",
        "a_b.db.localtest.me                  | 3D000 | \"a_b\"",
        "ep-1.endpoint.localtest.me           | 0A000 | endpoints are not available yet",
        "start.localtest.me                   | 0A000 | link authentication",
    })
    void refusesOtherNamesInTheDomainWithAClearError(String serverName, String sqlState, String expected) {
        ProtocolException error = assertThrows(ProtocolException.class, () -> TargetHost.parse(serverName, DOMAIN));
        assertEquals(sqlState, error.sqlState());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
