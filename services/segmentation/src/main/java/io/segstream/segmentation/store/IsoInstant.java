package io.segstream.segmentation.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants a profile document keeps as text. Nearly all were written by {@link Instant#toString()}
 * ({@code 2026-12-03T08:47:37.123Z}: four-digit year, UTC, 0, 3, 6 or 9 fraction digits), and a profile holds
 * dozens of them (every class's since and evaluated-at): those are read directly, several times faster than
 * {@link Instant#parse}, which reads any other text (same result, same errors).
 */
final class IsoInstant {
    private static final int SHORTEST = "2026-12-03T08:47:37Z".length();
    private static final int LONGEST = "2026-12-03T08:47:37.123456789Z".length();
    private static final int SECONDS_PER_DAY = 86_400;
    private static final int NANOS_DIGITS = 9;
    /** Where the fraction's digits start, after "yyyy-MM-ddTHH:mm:ss.". */
    private static final int FRACTION_START = SHORTEST;

    private IsoInstant() {
    }

    static Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || length > SHORTEST && text.charAt(19) != '.') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fractionDigits = length > SHORTEST ? length - 1 - FRACTION_START : 0;
        int fraction = fractionDigits > 0 ? digits(text, FRACTION_START, length - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || fraction < 0) {
            return Instant.parse(text);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return Instant.parse(text);
        }
        int nanos = fraction;
        for (int digit = fractionDigits; digit < NANOS_DIGITS; digit++) {
            nanos *= 10;
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
