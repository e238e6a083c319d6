package io.pgdispatch.proxy.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StartupOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cluster:abc                                        | cluster=abc",
        "cluster=abc                                        | cluster=abc",
        "endpoint:ep-calm-river-1                           | endpoint=ep-calm-river-1",
        "branch:testing,read-replica                        | branch=testing readReplica=SHARED",
        "read-replica:new                                   | readReplica=ONE_OFF",
        "read-replica=new                                   | readReplica=ONE_OFF",
        "timestamp:2026-01-02T03:04:05Z                     | timestamp=2026-01-02T03:04:05Z",
        "timestamp:2026-01-02T03:04:05.123+02:00            | timestamp=2026-01-02T01:04:05.123Z",
        "timestamp=2026-01-02t03:04:05.5-00:30              | timestamp=2026-01-02T03:34:05.500Z",
        "timestamp:2026-01-02T03:04:05z                     | timestamp=2026-01-02T03:04:05Z",
        "timestamp:2026-01-02                               | timestamp=2026-01-02T00:00:00Z",
        "timestamp:2026-01-02T03%3A04%3A05Z                 | timestamp=2026-01-02T03:04:05Z",
        "timestamp:2026-01-02T03:04:05%2B02:00              | timestamp=2026-01-02T01:04:05Z",
        "lsn:0/16B3748                                      | lsn=0/16B3748",
        "lsn=16/b3748                                       | lsn=16/B3748",
        "clus%74er:abc                                      | cluster=abc",
        "cluster%3Dabc                                      | cluster=abc",
        "timestamp%3A2026-01-02                             | timestamp=2026-01-02T00:00:00Z",
        "cluster:abc branch:dev                             | cluster=abc branch=dev",
        "cluster:abc, branch:dev                            | cluster=abc branch=dev",
        "',cluster:abc,,branch:dev,'                        | cluster=abc branch=dev",
        "'cluster:abc\tbranch:dev\nread-replica'            | cluster=abc branch=dev readReplica=SHARED",
        "cluster:abc,cluster=abc                            | cluster=abc",
        "timestamp:2026-01-02,timestamp:2026-01-02T00:00:00Z | timestamp=2026-01-02T00:00:00Z",
        "read-replica read-replica                          | readReplica=SHARED",
        "cluster:abc,branch:dev,lsn:0/1,read-replica:new    | cluster=abc branch=dev lsn=0/1 readReplica=ONE_OFF",
        "one-off                                            | one-off",
        "cluster:abc one-off timestamp:2026-01-02           | cluster=abc timestamp=2026-01-02T00:00:00Z one-off",
        "link                                               | link",
        "''                                                 | none",
        "'   '                                              | none",
    })
    void readsEachRoutingForm(String options, String routing) {
        StartupOptions parsed = StartupOptions.parse(options);

        assertEquals(routing, describe(parsed.routing()));
        assertEquals(Optional.empty(), parsed.forwarded());
    }

    @Test
    void noOptionsParameterMeansNoRoutingAndNothingToForward() {
        assertEquals(new StartupOptions(RoutingItems.NONE, Optional.empty()), StartupOptions.parse(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-c statement_timeout=1s cluster:abc           | -c statement_timeout=1s               | cluster=abc",
        "cluster:abc -c statement_timeout=1s --geqo=off | -c statement_timeout=1s --geqo=off   | cluster=abc",
        "-c search_path=a,b branch:dev                  | -c search_path=a,b                    | branch=dev",
        "-csearch_path=a,b                              | -csearch_path=a,b                     | none",
        "--search_path=a,b cluster:abc                  | --search_path=a,b                     | cluster=abc",
        "-c search_path=a\\,b                           | -c search_path=a,b                    | none",
        "-c application_name=my\\ app cluster:abc       | -c application_name=my\\ app          | cluster=abc",
        "-c application_name=C:\\\\dir                  | -c application_name=C:\\\\dir         | none",
        "-c cluster:abc                                 | -c cluster:abc                        | none",
        "-d 5 -B 100 cluster:abc                        | -d 5 -B 100                           | cluster=abc",
        "-Fc work_mem=4MB cluster:abc                   | -Fc work_mem=4MB                      | cluster=abc",
        "-F cluster:abc                                 | -F                                    | cluster=abc",
        "-- cluster:abc                                 | --                                    | cluster=abc",
        "cluster:abc -c                                 | -c                                    | cluster=abc",
        "\\-c work_mem=4MB                              | -c work_mem=4MB                       | none",
        "'  -c   work_mem=4MB  -c  geqo=off  '          | -c work_mem=4MB -c geqo=off           | none",
        "cluster:abc,branch:dev                         |                                   | cluster=abc branch=dev",
        "''                                             |                                       | none",
    })
    void forwardsSwitchesAndNeverRoutingItems(String options, String forwarded, String routing) {
        StartupOptions parsed = StartupOptions.parse(options);

        assertEquals(Optional.ofNullable(forwarded), parsed.forwarded());
        assertEquals(routing, describe(parsed.routing()));
    }

    /** The words the compute reads from the forwarded value are the words the client's switches were. */
    static Stream<Arguments> wordsTheComputeSees() {
        return Stream.of(
            Arguments.of("-c application_name=my\\ app cluster:abc", List.of("-c", "application_name=my app")),
            Arguments.of("-c search_path=a\\,b", List.of("-c", "search_path=a,b")),
            Arguments.of("--application_name=C:\\\\dir\\\\x", List.of("--application_name=C:\\dir\\x")),
            Arguments.of("-c application_name=a\\\tb", List.of("-c", "application_name=a\tb")),
            Arguments.of("-c application_name=x\\ cluster:abc", List.of("-c", "application_name=x cluster:abc")),
            Arguments.of("-c application_name=x\\", List.of("-c", "application_name=x")));
    }

    @ParameterizedTest
    @MethodSource("wordsTheComputeSees")
    void theComputeReadsEachSwitchAsTheClientSentIt(String options, List<String> words) {
        String forwarded = StartupOptions.parse(options).forwarded().orElseThrow();

        assertEquals(words, OptionWords.split(forwarded).stream().map(OptionWords::unescape).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "clustr:abc                       | unknown routing option \"clustr\"",
        "statement_timeout=1s             | unknown routing option \"statement_timeout\"",
        "cluster:abc,-cwork_mem=4MB       | unknown routing option \"-cwork_mem\"",
        "cluster                          | routing option cluster needs a value: write cluster:<cluster-id>",
        "cluster:                         | routing option cluster needs a value",
        "branch=                          | routing option branch needs a value: write branch:<branch-name>",
        "endpoint                         | routing option endpoint needs a value: write endpoint:<endpoint-id>",
        "timestamp                        | write timestamp:2026-01-02T03:04:05Z",
        "lsn                              | routing option lsn needs a value: write lsn:0/16B3748",
        "cluster:Abc                      | cluster id \"Abc\" in the options parameter must start with a letter",
        "branch:-x                        | branch name \"-x\" in the options parameter must start with a letter",
        "endpoint:ep_1                    | endpoint id \"ep_1\" in the options parameter must start",
        "cluster:a\\,b                    | cluster id \"a,b\"",
        "cluster:a%2Cb                    | cluster id \"a,b\"",
        "cluster:my%20db                  | cluster id \"my db\"",
        "cluster:a\\ b                    | cluster id \"a b\"",
        "cluster:abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd | is 64 characters long",
        "cluster:a%2                      | routing option \"cluster:a%2\" in the options parameter is not valid"
            + " percent-encoding",
        "cluster:a%G1                     | \"cluster:a%G1\" in the options parameter is not valid percent-encoding",
        "cluster:%FF                      | \"cluster:%FF\" in the options parameter is not valid percent-encoding",
        "read-replica:old                 | read-replica does not take the value \"old\": write read-replica for",
        "read-replica:NEW                 | read-replica does not take the value \"NEW\"",
        "one-off:yes                      | routing option one-off takes no value, not \"yes\"",
        "link=github                      | routing option link takes no value, not \"github\"",
        "one-off read-replica             | names both one-off, a writable copy, and \"read-replica\": write"
            + " read-replica:new",
        "read-replica:                    | read-replica does not take the value \"\"",
        "cluster:abc,cluster:xyz          | cluster is given twice with different values, \"cluster:abc\" and"
            + " \"cluster:xyz\": keep one",
        "read-replica read-replica:new    | read-replica is given twice with different values, \"read-replica\"",
        "timestamp:2026-01-02 lsn:0/16B3748 | names both \"timestamp:2026-01-02\" and \"lsn:0/16B3748\": name the"
            + " point in time by one of them",
        "-c statement_timeout=1s clustr:x | unknown routing option \"clustr\"",
    })
    void refusesAMalformedRoutingItemWithWhatToWrite(String options, String expected) {
        ProtocolException error = assertThrows(ProtocolException.class, () -> StartupOptions.parse(options));

        assertEquals(SqlState.INVALID_PARAMETER_VALUE, error.sqlState());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "timestamp:2026-01-02T03:04Z | 22007 | timestamp \"2026-01-02T03:04Z\" in the options parameter is not an RFC",
        "timestamp:2026-01-02T03:04:05 | 22007 | timestamp \"2026-01-02T03:04:05\" in the options parameter",
        "timestamp:2026-02-30 | 22007 | timestamp \"2026-02-30\" in the options parameter",
        "timestamp:2026-01-02T25:00:00Z | 22007 | timestamp \"2026-01-02T25:00:00Z\"",
        "timestamp:2026-01-02T03:04:05+19:00 | 22007 | timestamp \"2026-01-02T03:04:05+19:00\"",
        "timestamp:2026-1-2 | 22007 | timestamp \"2026-1-2\"",
        "timestamp:yesterday | 22007 | write timestamp:2026-01-02T03:04:05Z",
        "timestamp:1767323045 | 22007 | or a date, timestamp:2026-01-02, for the start of that day in UTC",
        "lsn:16B3748 | 22P02 | invalid LSN \"16B3748\": write it as PostgreSQL prints pg_lsn",
        "lsn:0/G | 22P02 | invalid LSN \"0/G\"",
    })
    void refusesAMalformedPointInTimeWithTheSqlStateOfItsType(String options, String sqlState, String expected) {
        ProtocolException error = assertThrows(ProtocolException.class, () -> StartupOptions.parse(options));

        assertEquals(sqlState, error.sqlState());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static String describe(RoutingItems routing) {
        List<String> parts = new ArrayList<>();
        routing.cluster().ifPresent(cluster -> parts.add("cluster=" + cluster));
        routing.branch().ifPresent(branch -> parts.add("branch=" + branch));
        routing.endpoint().ifPresent(endpoint -> parts.add("endpoint=" + endpoint));
        routing.timestamp().ifPresent(timestamp -> parts.add("timestamp=" + timestamp));
        routing.lsn().ifPresent(lsn -> parts.add("lsn=" + lsn));
        if (routing.readReplica() != ReadReplica.NONE) {
            parts.add("readReplica=" + routing.readReplica());
        }
        if (routing.oneOff()) {
            parts.add("one-off");
        }
        if (routing.link()) {
            parts.add("link");
        }
        return parts.isEmpty() ? "none" : String.join(" ", parts);
    }
}
