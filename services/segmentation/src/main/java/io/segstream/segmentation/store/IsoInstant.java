package io.segstream.segmentation.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads and writes the instants a profile document keeps as text. Nearly all were written by {@link Instant#toString()}
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

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years {@link Instant#toString()} writes with four digits. */
    private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
    private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;
    /** Days from 0000-03-01 (the start of a 400-year era, March first so that leap days end a year) to 1970-01-01. */
    private static final long DAYS_0000_03_01_TO_1970 = 719_468;
    private static final int DAYS_PER_ERA = 146_097;

    private IsoInstant() {
    }

    /**
     * The text {@link Instant#toString()} writes, without its intermediate date-time objects: the view writer
     * writes dozens per profile, and those objects would be a large share of its garbage.
     */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_SECOND || seconds > LAST_FOUR_DIGIT_SECOND) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : NANOS_DIGITS;
        char[] text = new char[SHORTEST + (fractionDigits == 0 ? 0 : fractionDigits + 1)];
        long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // The civil date of a day count, era by era (H. Hinnant's days-to-civil algorithm).
        long days = epochDay + DAYS_0000_03_01_TO_1970;
        long era = Math.floorDiv(days, DAYS_PER_ERA);
        int dayOfEra = (int) (days - era * DAYS_PER_ERA);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        write(text, 0, (int) year, 4);
        text[4] = '-';
        write(text, 5, month, 2);
        text[7] = '-';
        write(text, 8, day, 2);
        text[10] = 'T';
        write(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        write(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        write(text, 17, secondOfDay % 60, 2);
        if (fractionDigits > 0) {
            text[19] = '.';
            int fraction = nanos;
            for (int digit = fractionDigits; digit < NANOS_DIGITS; digit++) {
                fraction /= 10;
            }
            write(text, FRACTION_START, fraction, fractionDigits);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** {@code value} in decimal, zero-padded to {@code width} digits, at {@code text[at]}. */
    private static void write(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
