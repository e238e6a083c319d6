package io.pgdispatch.contract.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PointInTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"time:2026-01-02T03:04:05.123456Z", "time:2026-01-02T00:00:00Z", "lsn:0/16B3748",
        "lsn:FFFFFFFF/FFFFFFFF"})
    void readsBackWhatItWrites(String text) {
        assertEquals(text, PointInTime.parse(text).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "time:", "time:2026-01-02", "lsn:0/XYZ", "timestamp:2026-01-02T00:00:00Z", "0/1"})
    void refusesOtherTextNamingIt(String text) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> PointInTime.parse(text));

        assertTrue(failure.getMessage().contains(text), failure.getMessage());
    }

    @Test
    void timesAndPositionsAreDifferentPoints() {
        assertEquals(new PointInTime.Time(Instant.EPOCH), PointInTime.at(Instant.EPOCH));
        assertEquals(new PointInTime.Position(Lsn.parse("0/1")), PointInTime.at(Lsn.parse("0/1")));
    }
}
