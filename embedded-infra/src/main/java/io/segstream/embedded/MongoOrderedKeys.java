package io.segstream.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Comparator;
import java.util.Map;

/**
 * Orders the keys of a unique index by MongoDB's value order. The store's default compares index keys (which are not
 * Comparable) by their Java-serialised bytes, serialising both sides at every step of every lookup, which
 * costs far more than the comparison itself (docs/benchmarks.md). How keys are written is a separate matter, below.
 *
 * <p>Scalars (strings, numbers, dates, ids) compare as MongoDB compares them, so 1 and 1.0 are one key, as in a
 * MongoDB unique index; arrays and sub-documents keep the store's byte order among themselves (exact equality) and
 * sort after scalars. Key by key, that is a total order, which is all a B-tree needs.
 *
 * <p>Index keys are written with a tag of their own, the count and each value (strings and instants directly, other
 * values as the store writes them), instead of by Java serialisation of the whole key, which is slow to write at
 * every commit. Keys serialised the stock way (existing files) are still read.
 */
final class MongoOrderedKeys extends ObjectDataType {
    private static final Comparator<Object> VALUES = ValueComparator.asc();
    /** A tag the store's own format leaves unused (its tags are 0-14, 19, 32-49 and 64-119). */
    static final byte KEY_TAG = 25;
    private static final byte OTHER = 0;
    private static final byte TEXT = 1;
    private static final byte INSTANT = 2;
    /** Rough sizes in memory of a key and of each of its values. */
    private static final int KEY_BYTES = 64;
    private static final int VALUE_BYTES = 40;

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (!(key instanceof KeyValue values)) {
            super.write(buffer, key);
            return;
        }
        buffer.put(KEY_TAG);
        buffer.putVarInt(values.size());
        for (Object value : values) {
            if (value instanceof String text) {
                buffer.put(TEXT);
                buffer.putVarInt(text.length());
                buffer.putStringData(text, text.length());
            } else if (value instanceof Instant instant) {
                buffer.put(INSTANT);
                buffer.putVarLong(instant.getEpochSecond());
                buffer.putVarInt(instant.getNano());
            } else {
                buffer.put(OTHER);
                super.write(buffer, value);
            }
        }
    }

    /**
     * An estimate of a key's size in memory, which the store uses to split pages and size its cache (the default
     * assumes 10 KB for any value it serialises itself until it has serialised some).
     */
    @Override
    public int getMemory(Object key) {
        if (!(key instanceof KeyValue values)) {
            return super.getMemory(key);
        }
        int bytes = KEY_BYTES;
        for (Object value : values) {
            bytes += value instanceof String text ? VALUE_BYTES + text.length() : VALUE_BYTES;
        }
        return bytes;
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != KEY_TAG) {
            return super.read(buffer);
        }
        buffer.get();
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte kind = buffer.get();
            if (kind == TEXT) {
                values.add(DataUtils.readString(buffer, DataUtils.readVarInt(buffer)));
            } else if (kind == INSTANT) {
                long seconds = DataUtils.readVarLong(buffer);
                values.add(Instant.ofEpochSecond(seconds, DataUtils.readVarInt(buffer)));
            } else {
                values.add(super.read(buffer));
            }
        }
        return new KeyValue(values);
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int order = compareValues(left.get(i), right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        return super.compare(a, b);
    }

    private int compareValues(Object a, Object b) {
        boolean aComposite = isComposite(a);
        boolean bComposite = isComposite(b);
        if (aComposite && bComposite) {
            return super.compare(a, b);
        }
        if (aComposite || bComposite) {
            return aComposite ? 1 : -1;
        }
        // The usual index keys (ids, dates, counters) compared directly, as ValueComparator would: its type lookup
        // would be a large part of keeping an index on each write (a profile write moves two index entries).
        if (a instanceof String left && b instanceof String right) {
            return left.compareTo(right);
        }
        if (a instanceof Instant left && b instanceof Instant right) {
            return left.compareTo(right);
        }
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        return VALUES.compare(a, b);
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    private static boolean isComposite(Object value) {
        return value instanceof Collection<?> || value instanceof Map<?, ?>;
    }
}
