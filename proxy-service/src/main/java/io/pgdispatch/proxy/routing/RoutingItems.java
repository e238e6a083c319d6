package io.pgdispatch.proxy.routing;

import io.pgdispatch.contract.target.Lsn;
import io.pgdispatch.contract.target.ResourceName;
import io.pgdispatch.proxy.protocol.ProtocolException;
import io.pgdispatch.proxy.protocol.SqlState;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the routing items of the {@code options} startup parameter ask for; each is empty when not given. The
 * items are checked one by one (names by {@link ResourceName}, the point in time by its syntax) but not against
 * each other beyond the rule that one point in time is named at most once: whether a branch, an endpoint or a
 * replica at that time exists is for router-service to say.
 *
 * <p>{@code timestamp} is an RFC 3339 date-time (RFC 3339 section 5.6: seconds required, fractional seconds and
 * an offset or {@code Z}, for example {@code 2026-01-02T03:04:05.123+02:00}) or a bare date
 * {@code 2026-01-02}, which means the start of that day in UTC, {@code 2026-01-02T00:00:00Z}. A malformed
 * timestamp is refused with 22007 and a malformed LSN with 22P02, as PostgreSQL refuses such literals; every
 * other malformed item with 22023. The bare {@code one-off} asks for a writable copy of the branch (at the point
 * in time, if one is named) for this session alone, discarded when it ends. The bare {@code link} asks for a login
 * by link, as {@code start.<domain>} does, for clients that send no server name.
 */
public record RoutingItems(Optional<String> cluster, Optional<String> branch, Optional<String> endpoint,
    Optional<Instant> timestamp, Optional<Lsn> lsn, ReadReplica readReplica, boolean oneOff, boolean link) {

    /** No routing item at all. */
    public static final RoutingItems NONE = new RoutingItems(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), ReadReplica.NONE, false, false);

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
        "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    /** Collects items as they are read, refusing any that is malformed or contradicts an earlier one. */
    static final class Builder {

        private Optional<String> cluster = Optional.empty();
        private Optional<String> branch = Optional.empty();
        private Optional<String> endpoint = Optional.empty();
        private Optional<Instant> timestamp = Optional.empty();
        private Optional<Lsn> lsn = Optional.empty();
        private Optional<ReadReplica> readReplica = Optional.empty();
        private boolean oneOff;
        private boolean link;
        private final Map<String, String> firstItems = new HashMap<>();

        /** Adds one decoded item, {@code item} as the client wrote it; {@code value} is null for a bare key. */
        void add(String key, String value, String item) {
            switch (key) {
                case "cluster" -> cluster = once(key, item, cluster, name("cluster id", key, value, "<cluster-id>"));
                case "branch" -> branch = once(key, item, branch, name("branch name", key, value, "<branch-name>"));
                case "endpoint" -> endpoint = once(key, item, endpoint,
                    name("endpoint id", key, value, "<endpoint-id>"));
                case "timestamp" -> timestamp = once(key, item, timestamp, timestamp(value));
                case "lsn" -> lsn = once(key, item, lsn, lsn(value));
                case "read-replica" -> readReplica = once(key, item, readReplica, readReplica(value));
                case "one-off" -> oneOff = bare(key, value);
                case "link" -> link = bare(key, value);
                default -> throw invalid("unknown routing option \"" + key + "\" in the options parameter: the"
                    + " routing options are cluster, branch, endpoint, timestamp, lsn, read-replica, one-off and"
                    + " link, and a PostgreSQL switch starts with - and is separated from them by a space");
            }
        }

        RoutingItems build() {
            if (timestamp.isPresent() && lsn.isPresent()) {
                throw invalid("the options parameter names both \"" + firstItems.get("timestamp") + "\" and \""
                    + firstItems.get("lsn") + "\": name the point in time by one of them");
            }
            if (oneOff && readReplica.isPresent()) {
                throw invalid("the options parameter names both one-off, a writable copy, and \""
                    + firstItems.get("read-replica") + "\": write read-replica:new for a read replica of your own");
            }
            return new RoutingItems(cluster, branch, endpoint, timestamp, lsn, readReplica.orElse(ReadReplica.NONE),
                oneOff, link);
        }

        /** The value, unless an earlier item gave the same key a different one; the same one again is harmless. */
        private <T> Optional<T> once(String key, String item, Optional<T> earlier, T value) {
            String first = firstItems.putIfAbsent(key, item);
            if (earlier.isPresent() && !earlier.get().equals(value)) {
                throw invalid("routing option " + key + " is given twice with different values, \"" + first
                    + "\" and \"" + item + "\": keep one");
            }
            return Optional.of(value);
        }
    }

    private static boolean bare(String key, String value) {
        if (value != null) {
            throw invalid("routing option " + key + " takes no value, not \"" + value + "\": write it alone, " + key);
        }
        return true;
    }

    private static String name(String what, String key, String value, String placeholder) {
        String name = required(key, value, placeholder);
        ResourceName.problem(name).ifPresent(problem -> {
            throw invalid(what + " \"" + name + "\" in the options parameter " + problem);
        });
        return name;
    }

    private static Instant timestamp(String value) {
        String text = required("timestamp", value, "2026-01-02T03:04:05Z");
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (DATE_TIME.matcher(text).matches()) {
                return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
            }
        } catch (DateTimeException e) {
            // A well-formed text that names no real time, such as February 30th, is refused below.
        }
        throw new ProtocolException(SqlState.INVALID_DATETIME_FORMAT, "timestamp \"" + text + "\" in the options"
            + " parameter is not an RFC 3339 time: write timestamp:2026-01-02T03:04:05Z (fractional seconds and an"
            + " offset such as +02:00 are allowed) or a date, timestamp:2026-01-02, for the start of that day in UTC");
    }

    private static Lsn lsn(String value) {
        String text = required("lsn", value, "0/16B3748");
        try {
            return Lsn.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(SqlState.INVALID_TEXT_REPRESENTATION, e.getMessage(), e);
        }
    }

    private static ReadReplica readReplica(String value) {
        if (value == null) {
            return ReadReplica.SHARED;
        }
        if (value.equals("new")) {
            return ReadReplica.ONE_OFF;
        }
        throw invalid("read-replica does not take the value \"" + value + "\": write read-replica for the"
            + " shared replica or read-replica:new for a replica of your own");
    }

    private static String required(String key, String value, String placeholder) {
        if (value == null || value.isEmpty()) {
            throw invalid("routing option " + key + " needs a value: write " + key + ":" + placeholder);
        }
        return value;
    }

    static ProtocolException invalid(String message) {
        return new ProtocolException(SqlState.INVALID_PARAMETER_VALUE, message);
    }
}
