package io.pgdispatch.proxy.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionWordsTest {

    /** What pg_split_opts makes of each value: the words the server's getopt then reads. */
    static Stream<Arguments> serverWords() {
        return Stream.of(
            Arguments.of("", List.of()),
            Arguments.of(" \t\n ", List.of()),
            Arguments.of("a b", List.of("a", "b")),
            Arguments.of("  a \t b\r\n", List.of("a", "b")),
            Arguments.of("a,b", List.of("a,b")),
            Arguments.of("my\\ app", List.of("my app")),
            Arguments.of("a\\\\ b", List.of("a\\", "b")),
            Arguments.of("a\\\\\\ b", List.of("a\\ b")),
            Arguments.of("a\\,b", List.of("a,b")),
            Arguments.of("trailing\\", List.of("trailing")),
            Arguments.of("tab\\\there", List.of("tab\there")));
    }

    @ParameterizedTest
    @MethodSource("serverWords")
    void splitsAsTheServerDoes(String options, List<String> words) {
        assertEquals(words, OptionWords.split(options).stream().map(OptionWords::unescape).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"my app", "C:\\dir\\file", "tab\there", "a,b", "ends with\\", "\\ ", "new\nline"})
    void anEscapedWordIsReadBackAsOneWord(String word) {
        List<String> words = OptionWords.split(OptionWords.escape(word));

        assertEquals(1, words.size(), words.toString());
        assertEquals(word, OptionWords.unescape(words.get(0)));
    }

    static Stream<Arguments> commaParts() {
        return Stream.of(
            Arguments.of("a", List.of("a")),
            Arguments.of("a,b", List.of("a", "b")),
            Arguments.of(",a,,b,", List.of("a", "b")),
            Arguments.of("a\\,b,c", List.of("a\\,b", "c")),
            Arguments.of("a\\\\,b", List.of("a\\\\", "b")));
    }

    @ParameterizedTest
    @MethodSource("commaParts")
    void splitsARoutingWordAtItsUnescapedCommasOnly(String rawWord, List<String> parts) {
        assertEquals(parts, OptionWords.splitAtCommas(rawWord));
    }
}
