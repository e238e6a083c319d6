package io.pgdispatch.proxy.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of an {@code options} startup parameter, split as the server splits them in {@code pg_split_opts}
 * (src/backend/utils/init/postinit.c): at whitespace, where a backslash makes the character after it literal, so
 * {@code my\ app} is one word and {@code \\} a backslash. Whitespace is what C's {@code isspace} accepts in the C
 * locale: space, tab, newline, vertical tab, form feed and carriage return.
 *
 * <p>Words are returned raw, their backslashes still in place, because a routing word is split further at its
 * unescaped commas before it is unescaped.
 */
public final class OptionWords {

    private OptionWords() {
    }

    /** The raw words of {@code options}, in order; none for an empty string. */
    static List<String> split(String options) {
        return splitRaw(options, false);
    }

    /** The non-empty parts of a raw routing word between its unescaped commas, still raw. */
    static List<String> splitAtCommas(String rawWord) {
        return splitRaw(rawWord, true);
    }

    /** The word the server sees: each backslash dropped and the character after it kept as it is. */
    static String unescape(String raw) {
        StringBuilder word = new StringBuilder(raw.length());
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && !escaped) {
                escaped = true;
            } else {
                word.append(c);
                escaped = false;
            }
        }
        return word.toString();
    }

    /** The inverse of {@link #unescape}: a backslash before each whitespace character and each backslash. */
    public static String escape(String word) {
        StringBuilder raw = new StringBuilder(word.length() + 8);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\' || isSpace(c)) {
                raw.append('\\');
            }
            raw.append(c);
        }
        return raw.toString();
    }

    /** Splits at each unescaped whitespace character, or comma for {@code atCommas}, dropping empty parts. */
    private static List<String> splitRaw(String text, boolean atCommas) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separator = !escaped && (atCommas ? c == ',' : isSpace(c));
            escaped = !escaped && c == '\\';
            if (separator) {
                addPart(parts, text.substring(start, i));
                start = i + 1;
            }
        }
        addPart(parts, text.substring(start));
        return parts;
    }

    private static void addPart(List<String> parts, String part) {
        if (!part.isEmpty()) {
            parts.add(part);
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
