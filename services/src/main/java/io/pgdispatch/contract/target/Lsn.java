package io.pgdispatch.contract.target;

/**
 * A PostgreSQL write-ahead log position, written as PostgreSQL prints {@code pg_lsn}: two hexadecimal
 * numbers of up to 8 digits each, the high and low 32 bits, separated by a slash (for example 0/16B3748).
 */
public record Lsn(long value) implements Comparable<Lsn> {

    /** Parses the {@code X/X} form; throws IllegalArgumentException naming the value when it is malformed. */
    public static Lsn parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash != text.lastIndexOf('/') || slash == text.length() - 1) {
            throw malformed(text);
        }
        long high = parseHalf(text, text.substring(0, slash));
        long low = parseHalf(text, text.substring(slash + 1));
        return new Lsn(high << 32 | low);
    }

    private static long parseHalf(String text, String half) {
        if (half.length() > 8) {
            throw malformed(text);
        }
        for (int i = 0; i < half.length(); i++) {
            if (Character.digit(half.charAt(i), 16) < 0) {
                throw malformed(text);
            }
        }
        return Long.parseLong(half, 16);
    }

    private static IllegalArgumentException malformed(String text) {
        return new IllegalArgumentException(
                "invalid LSN \"" + text + "\": write it as PostgreSQL prints pg_lsn, for example 0/16B3748");
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return String.format("%X/%X", value >>> 32, value & 0xFFFFFFFFL);
    }
}
