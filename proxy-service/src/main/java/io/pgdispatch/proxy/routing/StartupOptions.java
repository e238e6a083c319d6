package io.pgdispatch.proxy.routing;

import io.pgdispatch.proxy.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code options} startup parameter taken apart: the routing items it holds and what remains to forward to
 * the compute. {@code forwarded} is empty when nothing remains, and the caller then drops the parameter.
 *
 * <p>The value is read in four steps:
 * <ol>
 * <li>It is split into words the way the server splits it ({@link OptionWords}): at unescaped whitespace, a
 * backslash making the next character literal, so {@code my\ app} is one word.</li>
 * <li>A word that starts with {@code -} is a PostgreSQL switch and is forwarded whole. Which word after it is
 * its argument follows the server's getopt string {@code B:bC:c:D:d:EeFf:h:ijk:lN:nOPp:r:S:sTt:v:W:-:}
 * (process_postgres_switches in src/backend/tcop/postgres.c): when the switch ends in a letter that takes an
 * argument, as {@code -c} does, the next word is that argument whatever it holds, and it is forwarded too. So
 * {@code -c search_path=a,b} keeps its comma, while {@code -csearch_path=a,b} and {@code --search_path=a,b} are
 * single words. A word that is exactly {@code --} ends getopt's switches and takes no argument.</li>
 * <li>Every other word holds routing items, separated by unescaped commas; empty items are ignored.</li>
 * <li>Each item is percent-decoded (RFC 3986 section 2.1, as UTF-8) and then divided at its first {@code :} or
 * {@code =} into {@code key:value}, {@code key=value} or a bare key. So {@code cluster%3Dabc} works where a
 * client cannot write {@code =} in a connection string, a value may hold either character
 * ({@code timestamp:2026-01-02T03:04:05Z}), and an encoded comma ({@code %2C}) is part of a value, never a
 * separator, since items were split before decoding.</li>
 * </ol>
 * The forwarded switches are escaped again as the server expects ({@link OptionWords#escape}), so each reaches
 * the compute as the same word: {@code -c application_name=my\ app} stays one setting. Routing items are never
 * forwarded. Any problem with a routing item is refused with 22023 (invalid_parameter_value, as PostgreSQL
 * reports a bad option value); a malformed switch is left for the compute to refuse.
 */
public record StartupOptions(RoutingItems routing, Optional<String> forwarded) {

    /** The server's switches that take an argument: the letters followed by a colon in its getopt string. */
    private static final String SWITCHES_WITH_ARGUMENT = "BCcDdfhkNprStvW-";

    /** Reads an {@code options} value; null or blank means no routing item and nothing to forward. */
    public static StartupOptions parse(String options) {
        List<String> words = OptionWords.split(options == null ? "" : options);
        List<String> switches = new ArrayList<>();
        RoutingItems.Builder routing = new RoutingItems.Builder();

        for (int i = 0; i < words.size(); i++) {
            String word = OptionWords.unescape(words.get(i));
            if (!word.startsWith("-")) {
                addItems(words.get(i), routing);
                continue;
            }
            switches.add(word);
            if (takesNextWord(word) && i + 1 < words.size()) {
                i++;
                switches.add(OptionWords.unescape(words.get(i)));
            }
        }

        return new StartupOptions(routing.build(), forward(switches));
    }

    /** Whether, as getopt reads it, the switch's last letter takes an argument and so the next word is it. */
    private static boolean takesNextWord(String word) {
        if (word.equals("--")) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (SWITCHES_WITH_ARGUMENT.indexOf(word.charAt(i)) >= 0) {
                return i == word.length() - 1;
            }
        }
        return false;
    }

    private static void addItems(String rawWord, RoutingItems.Builder routing) {
        for (String rawItem : OptionWords.splitAtCommas(rawWord)) {
            String written = OptionWords.unescape(rawItem);
            String item = percentDecode(written, written);
            int separator = indexOfSeparator(item);
            if (separator < 0) {
                routing.add(item, null, written);
            } else {
                routing.add(item.substring(0, separator), item.substring(separator + 1), written);
            }
        }
    }

    private static int indexOfSeparator(String item) {
        for (int i = 0; i < item.length(); i++) {
            if (item.charAt(i) == ':' || item.charAt(i) == '=') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Decodes each {@code %XX} as a byte and the whole as UTF-8. The percent sign and hexadecimal digits are ASCII,
     * so they are single bytes of the UTF-8 text and cannot be part of another character's encoding.
     */
    private static String percentDecode(String text, String item) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '%') {
                out.write(in[i]);
                continue;
            }
            int high = i + 1 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int low = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
            if (high < 0 || low < 0) {
                throw malformedPercentEncoding(item);
            }
            out.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw malformedPercentEncoding(item);
        }
    }

    private static ProtocolException malformedPercentEncoding(String item) {
        return RoutingItems.invalid("routing option \"" + item + "\" in the options parameter is not valid"
            + " percent-encoding: write a byte as % and two hexadecimal digits, a percent sign as %25, and"
            + " encode text as UTF-8");
    }

    private static Optional<String> forward(List<String> switches) {
        if (switches.isEmpty()) {
            return Optional.empty();
        }
        List<String> escaped = new ArrayList<>(switches.size());
        for (String word : switches) {
            escaped.add(OptionWords.escape(word));
        }
        return Optional.of(String.join(" ", escaped));
    }
}
