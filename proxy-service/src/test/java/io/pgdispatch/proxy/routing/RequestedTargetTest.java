package io.pgdispatch.proxy.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.proxy.protocol.ProtocolException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dedicated address, the server name and the options together: precedence and conflicts. */
class RequestedTargetTest {

    private static final String DOMAIN = "localtest.me";

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "- | ca.db.localtest.me | - | cluster \"ca\" | HOST_NAME",
        "- | ca.db.localtest.me | branch:testing | cluster \"ca\" branch \"testing\" | OPTIONS",
        "- | ca.db.localtest.me | cluster:ca,branch=dev | cluster \"ca\" branch \"dev\" | OPTIONS",
        "-     | -                         | cluster:cb                         | cluster \"cb\"            | OPTIONS",
        "-     | -                         | -c statement_timeout=1s cluster=cb | cluster \"cb\"            | OPTIONS",
        "- | example.com | cluster:cb branch:x | cluster \"cb\" branch \"x\" | OPTIONS",
        "- | ep-1.endpoint.localtest.me | - | endpoint \"ep-1\" | HOST_NAME",
        "- | ep-1.endpoint.localtest.me | endpoint=ep-1 | endpoint \"ep-1\" | HOST_NAME",
        "-     | -                         | endpoint=ep-1                      | endpoint \"ep-1\"         | OPTIONS",
        "-     | example.com               | endpoint%3Dep-1                    | endpoint \"ep-1\"         | OPTIONS",
        "ep-9 | - | - | endpoint \"ep-9\" | DEDICATED_ADDRESS",
        "ep-9 | ep-9.endpoint.localtest.me | endpoint:ep-9 | endpoint \"ep-9\" | DEDICATED_ADDRESS",
        "ep-9 | example.com | -c work_mem=4MB | endpoint \"ep-9\" | DEDICATED_ADDRESS",
        "- | ca.db.localtest.me | timestamp:2026-01-02 | cluster \"ca\" at time:2026-01-02T00:00:00Z | OPTIONS",
        "- | ca.db.localtest.me | branch:dev lsn:0/16B3748 | cluster \"ca\" branch \"dev\" at lsn:0/16B3748 | OPTIONS",
        "- | - | cluster:cb,timestamp:2026-01-02T03:04:05.5+01:00 | cluster \"cb\" at time:2026-01-02T02:04:05.500Z"
            + " | OPTIONS",
        "- | ca.db.localtest.me | read-replica | cluster \"ca\" on its shared read replica | OPTIONS",
        "- | ca.db.localtest.me | one-off | cluster \"ca\" as a one-off copy | OPTIONS",
        "- | ca.db.localtest.me | branch:dev read-replica:new | cluster \"ca\" branch \"dev\" on a read replica of its"
            + " own | OPTIONS",
    })
    void picksTheTargetAndWhereItWasNamed(String dedicated, String serverName, String options, String target,
            RequestedTarget.Source source) {
        RequestedTarget requested = select(dedicated, serverName, options).orElseThrow();

        assertEquals(target, requested.toString());
        assertEquals(source, requested.source());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-           | -",
        "example.com | -",
        "localhost   | -c statement_timeout=1s",
    })
    void namesNothingWhenNoSourceDoes(String serverName, String options) {
        assertEquals(Optional.empty(), select(null, serverName, options));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-    | ca.db.localtest.me         | cluster:cb        | 22023 | the host name names cluster \"ca\" but options"
            + " name cluster \"cb\"",
        "-    | ca.db.localtest.me         | endpoint:ep-1     | 22023 | the host name names cluster \"ca\" but options"
            + " name endpoint \"ep-1\"",
        "-    | ep-1.endpoint.localtest.me | endpoint:ep-2     | 22023 | names endpoint \"ep-1\" but options name"
            + " endpoint \"ep-2\"",
        "-    | ep-1.endpoint.localtest.me | cluster:ca        | 22023 | options name cluster \"ca\" but the"
            + " connection is for endpoint \"ep-1\" (named by the host name)",
        "-    | ep-1.endpoint.localtest.me | branch:dev        | 22023 | options name branch \"dev\" but the connection"
            + " is for endpoint \"ep-1\"",
        "-    | -                          | endpoint:ep-1,cluster:ca | 22023 | which fixes its cluster and branch",
        "ep-9 | ca.db.localtest.me         | -                 | 22023 | the host name names cluster \"ca\" but the"
            + " connection is for endpoint \"ep-9\" (named by the address it connected to)",
        "ep-9 | ep-1.endpoint.localtest.me | -                 | 22023 | the address it connected to names endpoint"
            + " \"ep-9\" but the host name names endpoint \"ep-1\"",
        "ep-9 | -                          | endpoint:ep-1     | 22023 | but options name endpoint \"ep-1\"",
        "-    | example.com                | branch:dev        | 3D000 | options name branch \"dev\" but no cluster",
        "-    | ep-1.endpoint.localtest.me | timestamp:2026-01-02 | 22023 | options name timestamp"
            + " 2026-01-02T00:00:00Z but the connection is for endpoint \"ep-1\"",
        "ep-9 | -                          | lsn:0/16B3748     | 22023 | options name lsn 0/16B3748 but the"
            + " connection is for endpoint \"ep-9\"",
        "-    | example.com                | lsn:0/16B3748     | 3D000 | options name lsn 0/16B3748 but no cluster",
        "-    | ep-1.endpoint.localtest.me | read-replica      | 22023 | options name read-replica but the connection"
            + " is for endpoint \"ep-1\"",
        "-    | -                          | read-replica:new  | 3D000 | options name read-replica:new but no cluster",
        "-    | ep-1.endpoint.localtest.me | one-off           | 22023 | options name one-off but the connection",
        "-    | ca.db.localtest.me | read-replica,lsn:0/1 | 22023 | options name both lsn 0/1 and a read replica, but a"
            + " point in time is read-only already",
    })
    void refusesConflicts(String dedicated, String serverName, String options, String sqlState,
            String expected) {
        ProtocolException error = assertThrows(ProtocolException.class, () -> select(dedicated, serverName, options));

        assertEquals(sqlState, error.sqlState());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static Optional<RequestedTarget> select(String dedicated, String serverName, String options) {
        return RequestedTarget.select(Optional.ofNullable(dedicated), TargetHost.parse(serverName, DOMAIN),
            StartupOptions.parse(options).routing());
    }
}
