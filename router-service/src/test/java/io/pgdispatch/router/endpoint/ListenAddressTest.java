package io.pgdispatch.router.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.42:5432, 127.0.0.42:5432",
        "127.0.0.042:1, 127.0.0.42:1",
        "10.1.2.3:65535, 10.1.2.3:65535",
        "[::1]:5432, [0:0:0:0:0:0:0:1]:5432",
        "[2001:DB8::7]:6432, [2001:db8:0:0:0:0:0:7]:6432",
        "[::ffff:127.0.0.42]:5432, 127.0.0.42:5432"})
    void twoSpellingsOfOneAddressHaveOneCanonicalForm(String given, String canonical) {
        assertEquals(canonical, ListenAddress.canonical(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:5432", "127.0.0.42", "127.0.0.42:", "::1:5432", "[::1]", "256.0.0.1:5432",
        "127.0.0.42:5432 ", "[fe80::1%eth0]:5432", "[...]:5432", ":5432", ""})
    void malformedAddressesAreRefusedWithAnExample(String given) {
        InvalidEndpointSettingsException failure = assertThrows(InvalidEndpointSettingsException.class,
            () -> ListenAddress.canonical(given));

        assertTrue(failure.getMessage().startsWith("invalid listen address \"" + given + "\""), failure.getMessage());
        assertTrue(failure.getMessage().contains("such as 127.0.0.42:5432"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.42:0", "127.0.0.42:65536", "[::1]:99999"})
    void portsOutsideOneTo65535AreRefused(String given) {
        InvalidEndpointSettingsException failure = assertThrows(InvalidEndpointSettingsException.class,
            () -> ListenAddress.canonical(given));

        assertTrue(failure.getMessage().contains("use a port from 1 to 65535"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0:5432", "[::]:5432", "224.0.0.1:5432", "[ff02::1]:5432"})
    void wildcardAndMulticastAddressesAreRefused(String given) {
        InvalidEndpointSettingsException failure = assertThrows(InvalidEndpointSettingsException.class,
            () -> ListenAddress.canonical(given));

        assertTrue(failure.getMessage().contains("is not one host's address"), failure.getMessage());
    }

    @Test
    void noAddressIsNoListener() {
        assertNull(ListenAddress.canonical(null));
    }
}
