package io.segstream.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A non-unique index with ascending keys, kept in an ordered map of (key values..., {@code _id}) in MongoDB's value
 * order ({@link MongoOrderedKeys}). The stock wire server accepts such indexes but ignores them, so a query on the
 * field ("the profiles due for re-evaluation", "the unpublished outbox rows") reads every document of the collection;
 * with this index the collection ({@link IdKeyedCollection}) reads only the keys in range, in order, and stops at
 * the limit ({@link #scan}).
 *
 * <p>The index never decides a query's answer alone: it only narrows the documents the stock matcher then checks, so
 * it must (and does) contain every document a usable condition can match. Sparse indexes leave out documents that
 * have none of the keys, as MongoDB's do. Arrays are not indexed: the first document with an array on a key path
 * ends the keeping of that index for good ({@link #hasArrayOnPath}), and its queries scan as the stock server's do.
 */
final class OrderedSecondaryIndex extends Index<Object> {
    private static final String ID = "_id";

    private final MVMap<KeyValue, Boolean> map;
    /** The indexes that met an array (by map name), kept in the store so that a restart does not rebuild them. */
    private final MVMap<String, Boolean> unkept;
    private final String mapName;
    private volatile boolean kept;

    OrderedSecondaryIndex(MVMap<KeyValue, Boolean> map, MVMap<String, Boolean> unkept, String name,
                          List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.unkept = unkept;
        this.mapName = map.getName();
        this.kept = !unkept.containsKey(mapName);
    }

    /** Whether this index can be kept by this class: every key ascending (others stay stock, ignored). */
    static boolean supports(List<IndexKey> keys) {
        return keys.stream().allMatch(IndexKey::isAscending);
    }

    @Override
    public Object getPosition(Document document) {
        // Positions are answered by the _id index; this one never holds a document alone.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Not unique: nothing can conflict.
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Not unique: nothing can conflict.
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (!kept || leftOut(document)) {
            return;
        }
        if (hasArrayOnPath(document)) {
            stopKeeping();
            return;
        }
        Object id = document.get(ID);
        for (KeyValue values : getKeyValues(document)) {
            map.put(entry(values, id), Boolean.TRUE);
        }
    }

    @Override
    public Object remove(Document document) {
        if (leftOut(document)) {
            return null;
        }
        Object id = document.get(ID);
        if (kept) {
            for (KeyValue values : getKeyValues(document)) {
                map.remove(entry(values, id));
            }
        }
        return id;
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        if (!kept || nullAwareEqualsKeys(oldDocument, newDocument)) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public boolean canHandle(Document query) {
        // The stock planner would read every position before sorting and limiting; IdKeyedCollection asks scan().
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("ask scan()");
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        // An index no longer kept must not be rebuilt from the documents at every start.
        return kept && map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        map.clear();
        unkept.remove(mapName);
    }

    /** Whether queries may read this index: false once a document put an array on one of its key paths. */
    boolean isKept() {
        return kept;
    }

    /**
     * The ids of the documents that can satisfy {@code conditions} (field to condition, already flattened from the
     * filter's top level and its {@code $and}), in index order, read lazily; or null when no condition pins this
     * index's first key. Usable conditions: equality with a scalar on a leading run of keys, then optionally a range
     * ({@code $gt/$gte/$lt/$lte}) on dates or on numbers on the next key.
     */
    IndexScan scan(java.util.Map<String, Object> conditions) {
        if (!kept) {
            return null;
        }
        List<String> keys = keys();
        List<Object> pinned = new ArrayList<>();
        IndexScan.Range range = null;
        for (String key : keys) {
            Object condition = conditions.get(key);
            Object equal = IndexScan.equality(condition);
            if (equal != null) {
                pinned.add(new KeyValue(equal).normalized().get(0));
                continue;
            }
            range = IndexScan.Range.of(condition);
            break;
        }
        if (pinned.isEmpty() && range == null) {
            return null;
        }
        return new IndexScan(keys, pinned, range, this::cursorFrom);
    }

    private Cursor<KeyValue, Boolean> cursorFrom(KeyValue from) {
        return map.cursor(from);
    }

    /** Whether a sparse index leaves this document out: it has none of the keys. */
    private boolean leftOut(Document document) {
        return isSparse() && keys().stream().allMatch(key -> Utils.getSubdocumentValue(document, key) instanceof Missing);
    }

    /**
     * Whether a key path meets an array. MongoDB would index each element (and, for a compound index over one array
     * of sub-documents, the product: 169 entries per profile for 13 segments' key and class); this index instead
     * stops being kept, and queries on it take the stock scan, as without secondary indexes.
     */
    private boolean hasArrayOnPath(Document document) {
        for (String key : keys()) {
            Object value = document;
            for (String part : key.split("\\.")) {
                if (!(value instanceof Document parent)) {
                    break;
                }
                value = parent.get(part);
                if (value instanceof Collection<?>) {
                    return true;
                }
            }
        }
        return false;
    }

    private void stopKeeping() {
        kept = false;
        unkept.put(mapName, Boolean.TRUE);
        map.clear();
    }

    private static KeyValue entry(KeyValue values, Object id) {
        List<Object> entry = new ArrayList<>(values.size() + 1);
        values.forEach(entry::add);
        entry.add(id);
        return new KeyValue(entry);
    }
}
