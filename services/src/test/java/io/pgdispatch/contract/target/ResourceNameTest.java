package io.pgdispatch.contract.target;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"main", "a", "calm-river-42", "k0"})
    void acceptsDnsLabels(String name) {
        assertTrue(ResourceName.isValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Main", "1abc", "-a", "a-", "a_b", "a.b", "a b", "é",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void refusesAnythingElse(String name) {
        assertFalse(ResourceName.isValid(name));
    }
}
