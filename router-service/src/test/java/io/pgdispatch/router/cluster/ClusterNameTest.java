package io.pgdispatch.router.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClusterNameTest {

    @Test
    void acceptsPrintableNamesUpToSixtyFourCharacters() {
        assertEquals("demo", ClusterName.requireValid("demo"));
        assertEquals("Prod (EU) ü", ClusterName.requireValid("Prod (EU) ü"));
        assertEquals("x".repeat(64), ClusterName.requireValid("x".repeat(64)));
    }

    @Test
    void refusesMissingBlankLongAndControlCharacterNames() {
        assertThrows(InvalidClusterNameException.class, () -> ClusterName.requireValid(null));
        assertThrows(InvalidClusterNameException.class, () -> ClusterName.requireValid(""));
        assertThrows(InvalidClusterNameException.class, () -> ClusterName.requireValid("   "));
        assertThrows(InvalidClusterNameException.class, () -> ClusterName.requireValid("x".repeat(65)));
        assertThrows(InvalidClusterNameException.class, () -> ClusterName.requireValid("two\nlines"));
    }
}
