package io.pgdispatch.router.cluster;

import io.pgdispatch.contract.target.Lsn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A moment of a branch's history, as the management API takes it for an endpoint or a new branch: a time, a WAL
 * position, or neither (the branch as it is now). Never both, so that there is no question which one wins.
 *
 * <p>A timestamp is read by the same rule as the proxy's {@code timestamp} routing option: an RFC 3339 date-time
 * (section 5.6: seconds required, optional fraction, an offset or {@code Z}) or a bare date, which means the start
 * of that day in UTC. It is kept to the microsecond, PostgreSQL's {@code timestamptz} precision, so that what the
 * API answers is what was stored.
 */
public record PointInTime(Instant timestamp, Lsn lsn) {

    /** The branch as it is now. */
    public static final PointInTime NOW = new PointInTime(null, null);

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
        "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    /**
     * Reads the point in time of a request, either argument null when not given; throws
     * {@link InvalidPointInTimeException} when both are given, one is malformed, or the time is after
     * {@code now}.
     */
    public static PointInTime of(String timestamp, String lsn, Instant now) {
        if (timestamp != null && lsn != null) {
            throw new InvalidPointInTimeException("both timestamp " + Quoted.of(timestamp) + " and lsn "
                + Quoted.of(lsn) + " are given: a point in time is one or the other, so keep one of them");
        }
        if (lsn != null) {
            return new PointInTime(null, lsn(lsn));
        }
        if (timestamp != null) {
            return new PointInTime(timestamp(timestamp, now), null);
        }
        return NOW;
    }

    private static Lsn lsn(String text) {
        try {
            return Lsn.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidPointInTimeException(e.getMessage());
        }
    }

    private static Instant timestamp(String text, Instant now) {
        Instant time = parseTimestamp(text).truncatedTo(ChronoUnit.MICROS);
        if (time.isAfter(now)) {
            throw new InvalidPointInTimeException("timestamp " + Quoted.of(text) + " is in the future: name a"
                + " moment that has passed, or leave timestamp out to serve the branch as it is now");
        }
        return time;
    }

    private static Instant parseTimestamp(String text) {
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (DATE_TIME.matcher(text).matches()) {
                return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
            }
        } catch (DateTimeParseException e) {
            // Fall through: the shape was right but a field is out of range, such as month 13.
        }
        throw new InvalidPointInTimeException("invalid timestamp " + Quoted.of(text) + ": write an RFC 3339"
            + " date-time such as 2026-01-02T03:04:05Z, or a bare date such as 2026-01-02 for the start of that day"
            + " in UTC");
    }
}
