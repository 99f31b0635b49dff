package io.segstream.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One read of an {@link OrderedSecondaryIndex}: the entries whose leading keys equal {@code pinned} and whose next key
 * lies in {@code range} (if any), from the first such entry to the last, in index order. It yields candidate ids
 * only; the collection checks each document against the whole filter.
 */
final class IndexScan {
    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();
    private static final String EQ = "$eq";
    private static final String GT = "$gt";
    private static final String GTE = "$gte";
    private static final String LT = "$lt";
    private static final String LTE = "$lte";
    private static final Set<String> RANGE_OPERATORS = Set.of(GT, GTE, LT, LTE);

    private final List<String> keys;
    private final List<Object> pinned;
    private final Range range;
    private final Function<KeyValue, Cursor<KeyValue, Boolean>> cursorFrom;

    IndexScan(List<String> keys, List<Object> pinned, Range range,
              Function<KeyValue, Cursor<KeyValue, Boolean>> cursorFrom) {
        this.keys = keys;
        this.pinned = pinned;
        this.range = range;
        this.cursorFrom = cursorFrom;
    }

    /** How many keys the scan narrows on (the better of two usable indexes narrows on more). */
    int selectivity() {
        return 2 * pinned.size() + (range == null ? 0 : 1);
    }

    /**
     * The scalar a condition pins its field to ({@code value} or {@code {$eq: value}}), or null when it is not an
     * equality with a string, number, boolean, date or other plain value (null, arrays, sub-documents, patterns and
     * operators are left to the matcher).
     */
    static Object equality(Object condition) {
        Object value = condition;
        if (condition instanceof Document operators) {
            if (operators.size() != 1 || !operators.containsKey(EQ)) {
                return null;
            }
            value = operators.get(EQ);
        }
        if (value == null || value instanceof Document || value instanceof Map<?, ?> || value instanceof Collection<?>
                || value instanceof Pattern || value instanceof de.bwaldvogel.mongo.backend.Missing) {
            return null;
        }
        return value;
    }

    /**
     * Whether the scan already yields documents in {@code orderBy}'s order: no order asked, or ascending on the keys
     * that follow the pinned ones (pinned keys may be named too: they are constant).
     */
    boolean ordersBy(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return true;
        }
        int next = pinned.size();
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            if (!(sort.getValue() instanceof Number direction) || direction.intValue() != 1) {
                return false;
            }
            int position = keys.indexOf(sort.getKey());
            if (position >= 0 && position < pinned.size()) {
                continue;
            }
            if (position != next) {
                return false;
            }
            next++;
        }
        return true;
    }

    /** The candidate ids in index order (each once: arrays are not indexed), read lazily so that a limit stops it. */
    Stream<Object> ids() {
        List<Object> from = new ArrayList<>(pinned);
        if (range != null) {
            from.add(range.lowest());
        }
        Cursor<KeyValue, Boolean> cursor = cursorFrom.apply(new KeyValue(from));
        Spliterator<Object> entries = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private boolean done;

            @Override
            public boolean tryAdvance(Consumer<? super Object> action) {
                while (!done && cursor.hasNext()) {
                    KeyValue entry = cursor.next();
                    if (!within(entry)) {
                        done = true;
                        return false;
                    }
                    if (range != null && range.belowLower(entry.get(pinned.size()))) {
                        continue;
                    }
                    action.accept(entry.get(entry.size() - 1));
                    return true;
                }
                return false;
            }
        };
        return StreamSupport.stream(entries, false);
    }

    /** Whether an entry is still inside the scan (entries come in order: the first outside ends it). */
    private boolean within(KeyValue entry) {
        for (int i = 0; i < pinned.size(); i++) {
            if (VALUES.compare(entry.get(i), pinned.get(i)) != 0) {
                return false;
            }
        }
        return range == null || range.admitsUpTo(entry.get(pinned.size()));
    }

    /**
     * A range on dates or on numbers: its lower end (or the lowest value of its type) and upper end (or the end of
     * its type). MongoDB compares a date only with dates and a number only with numbers, so a scan never needs to
     * leave the type.
     */
    record Range(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
        /** The wire server holds BSON dates as Instants. */
        private static final Instant LOWEST_DATE = Instant.MIN;

        /** The range a condition states, or null when it is not a range this scan can read. */
        static Range of(Object condition) {
            if (!(condition instanceof Document operators) || operators.isEmpty()
                    || !RANGE_OPERATORS.containsAll(operators.keySet())) {
                return null;
            }
            Object lower = null;
            boolean lowerInclusive = true;
            Object upper = null;
            boolean inclusive = false;
            Class<?> type = null;
            for (Map.Entry<String, Object> bound : operators.entrySet()) {
                Class<?> boundType = typeOf(bound.getValue());
                if (boundType == null || (type != null && type != boundType)) {
                    return null;
                }
                type = boundType;
                Object value = new KeyValue(bound.getValue()).normalized().get(0);
                switch (bound.getKey()) {
                    case GT, GTE -> {
                        int order = lower == null ? 1 : VALUES.compare(value, lower);
                        if (order > 0 || (order == 0 && bound.getKey().equals(GT))) {
                            lower = value;
                            lowerInclusive = bound.getKey().equals(GTE);
                        }
                    }
                    default -> {
                        if (upper == null || VALUES.compare(value, upper) < 0) {
                            upper = value;
                            inclusive = bound.getKey().equals(LTE);
                        }
                    }
                }
            }
            if (lower == null) {
                lower = type == Instant.class ? LOWEST_DATE : (Object) Double.NEGATIVE_INFINITY;
            }
            return new Range(lower, lowerInclusive, upper, inclusive);
        }

        private static Class<?> typeOf(Object value) {
            if (value instanceof Instant) {
                return Instant.class;
            }
            if (value instanceof Number number && !(number instanceof Double d && d.isNaN())) {
                return Number.class;
            }
            return null;
        }

        Object lowest() {
            return lower;
        }

        /** True for the entries equal to an exclusive lower end ({@code $gt}), which the scan starts at and skips. */
        boolean belowLower(Object value) {
            return !lowerInclusive && VALUES.compare(value, lower) == 0;
        }

        /** False once {@code value} is past the upper end, or no longer of the range's type. */
        boolean admitsUpTo(Object value) {
            if (typeOf(value) != typeOf(lower)) {
                // Before the range's type come nulls and smaller types, which the cursor started after.
                return false;
            }
            if (upper == null) {
                return true;
            }
            int order = VALUES.compare(value, upper);
            return upperInclusive ? order <= 0 : order < 0;
        }
    }
}
