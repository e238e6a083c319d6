package io.pgdispatch.proxy.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.proxy.protocol.ProtocolException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server name and the options together, with the precedence and conflicts of the routing grammar. */
class RequestedTargetTest {

    private static final String DOMAIN = "localtest.me";

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "ca.db.localtest.me | -                                 | ca | -",
        "ca.db.localtest.me | branch:testing                    | ca | testing",
        "ca.db.localtest.me | cluster:ca,branch=dev             | ca | dev",
        "-                  | cluster:cb                        | cb | -",
        "-                  | -c statement_timeout=1s cluster=cb | cb | -",
        "example.com        | cluster:cb branch:x               | cb | x",
    })
    void picksTheClusterAndBranch(String serverName, String options, String cluster, String branch) {
        RequestedTarget target = select(serverName, options);

        assertEquals(cluster, target.clusterId());
        assertEquals(Optional.ofNullable(branch), target.branchName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "ca.db.localtest.me | cluster:cb                 | 22023 | \"ca\" but options name cluster \"cb\"",
        "-                  | -                          | 3D000 | options=cluster:<cluster-id>",
        "example.com        | branch:dev                 | 3D000 | host=<cluster-id>.db.localtest.me",
        "ca.db.localtest.me | endpoint:ep-1              | 0A000 | endpoints are not available yet",
        "ca.db.localtest.me | timestamp:2026-01-02       | 0A000 | point in time",
        "ca.db.localtest.me | lsn:0/16B3748              | 0A000 | point in time",
        "ca.db.localtest.me | read-replica               | 0A000 | read replicas",
        "ca.db.localtest.me | read-replica:new           | 0A000 | read replicas",
    })
    void refusesConflictsAndWhatIsNotServedYet(String serverName, String options, String sqlState,
            String expected) {
        ProtocolException error = assertThrows(ProtocolException.class, () -> select(serverName, options));

        assertEquals(sqlState, error.sqlState());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static RequestedTarget select(String serverName, String options) {
        return RequestedTarget.select(TargetHost.parse(serverName, DOMAIN), StartupOptions.parse(options).routing(),
            DOMAIN);
    }
}
