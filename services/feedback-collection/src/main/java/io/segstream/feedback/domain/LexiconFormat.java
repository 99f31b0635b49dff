package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackTopic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the lexicon files: UTF-8, one entry per line, tab-separated columns
 * {@code term  role  topics  weight  negated-weight}; lines starting with {@code #} and blank lines are ignored,
 * trailing columns may be left out and {@code -} stands for "none". The service README documents the format.
 */
public final class LexiconFormat {
    private static final String NONE = "-";
    private static final String PREFIX_MARK = "*";

    private LexiconFormat() {
    }

    public static List<LexiconEntry> read(String sourceName, BufferedReader reader) {
        List<LexiconEntry> entries = new ArrayList<>();
        try {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1); // a byte-order mark left by a spreadsheet export
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                entries.add(parse(line, sourceName + ":" + number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + sourceName, e);
        }
        return entries;
    }

    static LexiconEntry parse(String line, String source) {
        String[] columns = line.split("\t", -1);
        String rawTerm = columns[0].strip();
        if (rawTerm.isEmpty()) {
            throw new LexiconFormatException(source + ": the term is empty");
        }
        LexiconRole role = role(column(columns, 1), source);
        String third = column(columns, 2);
        Double weight = number(column(columns, 3), source, "weight");
        Double negated = number(column(columns, 4), source, "negated weight");
        boolean prefix = rawTerm.endsWith(PREFIX_MARK) && rawTerm.length() > 1;
        String term = prefix ? rawTerm.substring(0, rawTerm.length() - 1) : rawTerm;
        return switch (role) {
            case TERM -> new LexiconEntry(term, prefix, role, topics(third, source), weight == null ? 0 : weight,
                    negated, null, source);
            case INTENSIFIER -> {
                if (weight == null || weight <= 0) {
                    throw new LexiconFormatException(source + ": an INTENSIFIER needs a positive multiplier as weight");
                }
                yield new LexiconEntry(term, prefix, role, Set.of(), weight, null, null, source);
            }
            case NEGATOR, CONTRAST -> new LexiconEntry(term, prefix, role, Set.of(), 0, null, null, source);
            case VARIANT -> {
                if (third == null || term.codePointCount(0, term.length()) != 1 || prefix) {
                    throw new LexiconFormatException(
                            source + ": a VARIANT maps one character to its replacement in the third column");
                }
                yield new LexiconEntry(term, false, role, Set.of(), 0, null, third, source);
            }
        };
    }

    private static String column(String[] columns, int index) {
        if (index >= columns.length) {
            return null;
        }
        String value = columns[index].strip();
        return value.isEmpty() || value.equals(NONE) ? null : value;
    }

    private static LexiconRole role(String value, String source) {
        if (value == null) {
            throw new LexiconFormatException(source + ": the role is missing (TERM, NEGATOR, INTENSIFIER, CONTRAST,"
                    + " VARIANT)");
        }
        try {
            return LexiconRole.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LexiconFormatException(source + ": unknown role " + value);
        }
    }

    private static Set<FeedbackTopic> topics(String value, String source) {
        Set<FeedbackTopic> topics = EnumSet.noneOf(FeedbackTopic.class);
        if (value == null) {
            return topics;
        }
        for (String name : value.split(",")) {
            try {
                topics.add(FeedbackTopic.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new LexiconFormatException(source + ": unknown topic " + name.strip());
            }
        }
        return topics;
    }

    private static Double number(String value, String source, String what) {
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new LexiconFormatException(source + ": the " + what + " is not a number: " + value);
        }
    }
}
