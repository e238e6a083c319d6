package io.pgdispatch.contract.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LsnTest {

    @Test
    void parsesAndPrintsLikePostgres() {
        Lsn lsn = Lsn.parse("16/B374D848");
        assertEquals(0x16B374D848L, lsn.value());
        assertEquals("16/B374D848", lsn.toString());
        assertEquals("0/0", Lsn.parse("0/0").toString());
        assertEquals("FFFFFFFF/FFFFFFFF", Lsn.parse("ffffffff/ffffffff").toString());
    }

    @Test
    void comparesAsUnsignedPositions() {
        assertTrue(Lsn.parse("FFFFFFFF/0").compareTo(Lsn.parse("1/0")) > 0);
        assertTrue(Lsn.parse("0/10").compareTo(Lsn.parse("0/F")) > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "0/", "/0", "0/0/0", "G/0", "123456789/0", "0/-1", "0x1/0"})
    void refusesMalformedText(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Lsn.parse(text));
        assertTrue(error.getMessage().contains("\"" + text + "\""), error.getMessage());
    }
}
