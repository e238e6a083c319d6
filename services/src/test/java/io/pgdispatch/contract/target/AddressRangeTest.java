package io.pgdispatch.contract.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangeTest {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.7,      203.0.113.7,   true",
        "203.0.113.7,      203.0.113.8,   false",
        "10.0.0.0/8,       10.255.1.2,    true",
        "10.0.0.0/8,       11.0.0.1,      false",
        "0.0.0.0/0,        192.0.2.1,     true",
        "0.0.0.0/0,        2001:db8::1,   false",
        "192.0.2.128/25,   192.0.2.127,   false",
        "192.0.2.128/25,   192.0.2.200,   true",
        "2001:db8::/32,    2001:db8:1::5, true",
        "2001:db8::/32,    2001:db9::5,   false",
        "::1,              ::1,           true",
        "127.0.0.1,        ::ffff:127.0.0.1, true",
    })
    void matchesClientsInsideTheRangeOnly(String range, String client, boolean expected) throws UnknownHostException {
        assertEquals(expected, AddressRange.parse(range).contains(InetAddress.getByName(client)), range + " " + client);
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8,     10.0.0.0/8",
        "' 10.1.2.3 ',   10.1.2.3",
        "2001:DB8::/32,  2001:db8:0:0:0:0:0:0/32",
        "::ffff:1.2.3.4, 1.2.3.4",
    })
    void printsTheCanonicalForm(String text, String canonical) {
        assertEquals(canonical, AddressRange.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "10.0.0.0/33", "10.0.0/8", "2001:db8::/129", "10.0.0.1/8", "10.0.0.0/",
        "10.0.0.0/-1", "1.2.3.4.5", "localhost", "300.1.1.1", "10.0.0.0/08x"})
    void refusesWhatIsNotALiteralAddressOrRange(String text) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
            () -> AddressRange.parse(text));
        assertTrue(failure.getMessage().contains("\"" + text + "\""), failure.getMessage());
    }
}
