package io.segstream.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.type.ObjectDataType;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;

/**
 * Orders the keys of a unique index by MongoDB's value order. The store's default compares index keys (which are not
 * Comparable) by their Java-serialised bytes, serialising both sides at every step of every lookup: about a fifth of
 * the wire server's time under load. Keys are still written as before.
 *
 * <p>Scalars (strings, numbers, dates, ids) compare as MongoDB compares them, so 1 and 1.0 are one key, as in a
 * MongoDB unique index; arrays and sub-documents keep the store's byte order among themselves (exact equality) and
 * sort after scalars. Key by key, that is a total order, which is all a B-tree needs.
 */
final class MongoOrderedKeys extends ObjectDataType {
    private static final Comparator<Object> VALUES = ValueComparator.asc();

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
        return VALUES.compare(a, b);
    }

    private static boolean isComposite(Object value) {
        return value instanceof Collection<?> || value instanceof Map<?, ?>;
    }
}
