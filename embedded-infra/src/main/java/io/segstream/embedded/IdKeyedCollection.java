package io.segstream.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An H2 collection that answers the queries MongoDB answers from its {@code _id} index from the data map itself
 * (keyed and ordered by {@code _id}) where the stock wire server scans every document:
 * <ul>
 *     <li>a filter that pins {@code _id} to one string or a {@code $in} list of strings, alone or next to other
 *     conditions ({@code {_id: id, version: 3}}: an optimistic write): the stock server uses its {@code _id} index
 *     only when {@code _id} is the filter's only key, and even then compares the Java-serialised index keys;</li>
 *     <li>{@code _id} order with a limit, from the start or after an id ({@code {_id: {$gt: last}}}, sort
 *     {@code {_id: 1}}): paging through a collection, which the stock server does by sorting all of it per page.</li>
 * </ul>
 * A filter on the keys of a secondary index (equality on its leading keys, then a date or number range) reads the
 * index ({@link OrderedSecondaryIndex}) in order, up to the limit.
 * Every other query takes the stock path; the rest of each filter is still checked document by document, so the
 * answers are the same, only cheaper. Only string ids take the fast path: the data map orders keys by Java type
 * first, which agrees with MongoDB's order only within one type, and every Segstream id is a string.
 */
final class IdKeyedCollection extends H2Collection {
    private static final String ID = "_id";
    private static final String IN = "$in";
    private static final String AND = "$and";
    private static final Set<String> LOWER_BOUNDS = Set.of("$gt", "$gte");
    private static final Set<String> LOGICAL = Set.of(AND, "$or", "$nor");

    private final MVMap<Object, StoredDocument> dataMap;
    private final List<OrderedSecondaryIndex> secondaryIndexes = new CopyOnWriteArrayList<>();

    /**
     * The stock collection is handed the same map typed as holding documents: it only reaches the values through the
     * methods overridden here, which decode them ({@link StoredDocument}).
     */
    @SuppressWarnings("unchecked")
    IdKeyedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, StoredDocument> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, (MVMap<Object, Document>) (MVMap<?, ?>) dataMap, metaMap, cursors);
        this.dataMap = dataMap;
    }

    /**
     * Every read decodes a new document from the stored BSON, so the stock update, which changes the document it
     * matched in place, changes only its own copy; a stored document never changes after it is stored.
     *
     * <p>A whole-document replacement of one document (a {@code replaceOne}, what an optimistic write of a profile or
     * an order is) is done here without the stock update's deep copies of the old document and of the replacement.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        if (!isMulti && isReplacement(updateQuery)) {
            Document replaced = replaceOne(selector, updateQuery, oplog);
            if (replaced != null) {
                return replaced;
            }
        } else if (arrayFilters == null || arrayFilters.isEmpty()) {
            FieldAssignments assignments = FieldAssignments.parse(updateQuery);
            Document assigned = assignments == null ? null : assign(selector, updateQuery, assignments, isMulti, oplog);
            if (assigned != null) {
                return assigned;
            }
        }
        return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
    }

    private static boolean isReplacement(Document update) {
        for (String key : update.keySet()) {
            if (key.startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Replaces the first document the selector matches, as the stock update does (the old document's field order for
     * the fields it keeps, then the new ones; nothing written when nothing changes), storing a new document built
     * from the replacement's values rather than copies of them: the request is not used again after the reply.
     *
     * @return the result, or null when the stock update is to handle it (nothing matched: an upsert or n = 0; the
     * replacement names another {@code _id}: the stock update refuses a change with MongoDB's message and accepts an equal number of another type)
     */
    private Document replaceOne(Document selector, Document replacement, Oplog oplog) {
        Document current = null;
        for (Document match : matching(selector, null, 0, 0, 0, null)) {
            current = match;
            break;
        }
        if (current == null) {
            return null;
        }
        Object id = current.get(ID);
        Object newId = replacement.get(ID);
        if (id == null || newId != null && !Objects.equals(id, newId)) {
            return null;
        }
        Utils.validateFieldNames(replacement);
        Document replaced = new Document();
        for (String key : current.keySet()) {
            if (key.equals(ID)) {
                replaced.put(ID, id);
            } else if (replacement.containsKey(key)) {
                replaced.put(key, replacement.get(key));
            }
        }
        replacement.forEach(replaced::putIfAbsent);
        List<Object> modified = new ArrayList<>(1);
        storeIfChanged(current, replaced, modified);
        return updateResult(selector, replacement, 1, modified, oplog);
    }

    /** Stores {@code next} in place of the stored {@code current} (indexes checked, then updated) unless equal. */
    private void storeIfChanged(Document current, Document next, List<Object> modified) {
        if (next == current || next.equals(current)) {
            return;
        }
        Object id = current.get(ID);
        for (Index<Object> index : getIndexes()) {
            index.checkUpdate(current, next, this);
        }
        for (Index<Object> index : getIndexes()) {
            index.updateInPlace(current, next, id, this);
        }
        // current was decoded for this update and left alone: next may share its fields' bytes
        replaceStored(id, current, next);
        modified.add(id);
    }

    /** The stock update's reply (and oplog entry) for {@code matched} documents of which {@code modified} changed. */
    private Document updateResult(Document selector, Document update, int matched, List<Object> modified,
                                  Oplog oplog) {
        oplog.handleUpdate(getFullName(), selector, update, modified);
        Document result = new Document();
        result.put("n", Integer.valueOf(matched));
        result.put("nModified", Integer.valueOf(modified.size()));
        return result;
    }

    /**
     * Applies {@code $set}/{@code $unset} assignments to the first or every matching document, as the stock update
     * does but sharing the values they leave alone ({@link FieldAssignments}).
     *
     * @return the result, or null when the stock update is to handle it (nothing matched, or a case it answers)
     */
    private Document assign(Document selector, Document update, FieldAssignments assignments, boolean isMulti,
                            Oplog oplog) {
        List<Document> matches = partlyDecodedMatches(selector, assignments, isMulti);
        if (matches == null) {
            matches = new ArrayList<>();
            for (Document match : matching(selector, null, 0, 0, 0, null)) {
                matches.add(match);
                if (!isMulti) {
                    break;
                }
            }
        }
        if (matches.isEmpty()) {
            return null;
        }
        List<Document> updated = new ArrayList<>(matches.size());
        try {
            for (Document match : matches) {
                if (match.get(ID) == null) {
                    return null;
                }
                updated.add(assignments.apply(match));
            }
        } catch (FieldAssignments.StockPath e) {
            return null;
        }
        List<Object> modified = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            storeIfChanged(matches.get(i), updated.get(i), modified);
        }
        return updateResult(selector, update, matches.size(), modified, oplog);
    }

    /**
     * The documents a filter pinned by {@code _id} selects for an update of {@code assignments}, decoded only in the
     * fields that the filter, the update and the indexes read; the others stay their stored bytes, which the new
     * document's encoding copies. A sweep's profile write sets its classes and plan: decoding its purchase history
     * too would be most of the write's work. Null when the filter is not pinned by {@code _id} or names
     * operators this does not follow (then every field is decoded).
     */
    private List<Document> partlyDecodedMatches(Document selector, FieldAssignments assignments, boolean isMulti) {
        List<Object> ids = pinnedIds(selector);
        if (ids == null) {
            return null;
        }
        Document rest = withoutPinnedIds(selector);
        Set<String> fields = new HashSet<>(assignments.topLevelFields());
        fields.add(ID);
        if (!addFilterFields(rest, fields)) {
            return null;
        }
        for (Index<Object> index : getIndexes()) {
            for (IndexKey key : index.getKeys()) {
                fields.add(topLevel(key.getKey()));
            }
        }
        List<Document> candidates = new ArrayList<>();
        for (Object id : present(ids)) {
            Document candidate = dataMap.get(id).decodeOnly(fields);
            if (candidate == null) {
                return null;
            }
            candidates.add(candidate);
        }
        List<Document> matches = new ArrayList<>();
        matchDocumentsFromStream(rest, candidates.stream(), 0, isMulti ? 0 : 1, 0, null, null).forEach(matches::add);
        return matches;
    }

    /**
     * Adds the top-level fields a filter reads (through {@code $and}, {@code $or} and {@code $nor} too) to
     * {@code fields}; false for any other top-level operator ({@code $expr}, {@code $where}, ...), which may read any.
     */
    static boolean addFilterFields(Document filter, Set<String> fields) {
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            String name = condition.getKey();
            if (!name.startsWith("$")) {
                fields.add(topLevel(name));
            } else if (LOGICAL.contains(name) && condition.getValue() instanceof Collection<?> clauses) {
                for (Object clause : clauses) {
                    if (!(clause instanceof Document document) || !addFilterFields(document, fields)) {
                        return false;
                    }
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private static String topLevel(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    /**
     * The collection's data size is kept here, from the one encoding each stored document gets
     * ({@link BsonDocumentType}), instead of by the stock code encoding every inserted, updated (old and new) and
     * removed document once more only to measure it.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** As the stock collection adds a document (its {@code _id}, or a random key without one), stored as BSON. */
    @Override
    protected Object addDocumentInternal(Document document) {
        StoredDocument stored = BsonDocumentType.store(document);
        String idField = getIdField();
        Object key = idField != null ? Utils.getSubdocumentValue(document, idField) : UUID.randomUUID();
        StoredDocument previous = dataMap.putIfAbsent(Missing.ofNullable(key), stored);
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
        }
        updateDataSize(stored.size());
        return key;
    }

    /** The stock update's write: its old document is a copy, so the new one is encoded whole. */
    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        replaceStored(position, null, newDocument);
    }

    /** Stores {@code next} at {@code position}; for {@code previous} see {@link BsonDocumentType#store}. */
    private void replaceStored(Object position, Document previous, Document next) {
        Object key = Missing.ofNullable(position);
        StoredDocument before = dataMap.get(key);
        StoredDocument stored = BsonDocumentType.store(next, previous, before);
        dataMap.put(key, stored);
        updateDataSize(stored.size() - (before == null ? 0 : before.size()));
    }

    @Override
    protected void removeDocument(Object position) {
        StoredDocument removed = dataMap.remove(position);
        if (removed == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
        updateDataSize(-removed.size());
    }

    @Override
    protected Document getDocument(Object position) {
        StoredDocument stored = dataMap.get(position);
        return stored == null ? null : stored.decode();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return dataMap.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(entry.getValue().decode(), entry.getKey()));
    }

    /** As the stock collection scans: every document in key order (or the reverse), decoded as it is reached. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> documents;
        if (isNaturalDescending(orderBy)) {
            documents = streamAllDocumentsWithPosition()
                    .sorted((o1, o2) -> ValueComparator.desc().compare(o1.getPosition(), o2.getPosition()))
                    .map(DocumentWithPosition::getDocument);
        } else {
            documents = dataMap.values().stream().map(StoredDocument::decode);
        }
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        return matching(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    private QueryResult matching(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                 Document fieldSelector) {
        if (!query.isEmpty()) {
            List<Object> ids = pinnedIds(query);
            if (ids != null) {
                // The documents are those ids: only the rest of the filter is left to check (checking a $in of n ids
                // against each of n documents would be n * n value comparisons per page).
                return matchDocuments(withoutPinnedIds(query), present(ids), orderBy, numberToSkip, limit, batchSize,
                        fieldSelector);
            }
        }
        if (limit > 0 && isIdOrder(orderBy) && onlyStringIds()) {
            String from = lowerBound(query);
            if (from != null) {
                return matchDocumentsFromStream(query, fromId(from), numberToSkip, limit, batchSize, null,
                        fieldSelector);
            }
        }
        IndexScan scan = query.isEmpty() ? null : bestScan(query);
        if (scan != null) {
            Stream<Document> candidates = scan.ids().map(dataMap::get).filter(Objects::nonNull)
                    .map(StoredDocument::decode);
            return matchDocumentsFromStream(query, candidates, numberToSkip, limit, batchSize,
                    scan.ordersBy(orderBy) ? null : deriveComparator(orderBy), fieldSelector);
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    public void addIndex(Index<Object> index) {
        super.addIndex(index);
        if (index instanceof OrderedSecondaryIndex secondary
                && secondaryIndexes.stream().noneMatch(known -> known.getName().equals(index.getName()))) {
            secondaryIndexes.add(secondary);
        }
    }

    @Override
    public void dropIndex(String indexName) {
        super.dropIndex(indexName);
        secondaryIndexes.removeIf(index -> index.getName().equals(indexName));
    }

    /** The secondary index read that narrows the filter most, or null when none can narrow it. */
    private IndexScan bestScan(Document query) {
        if (secondaryIndexes.isEmpty()) {
            return null;
        }
        Map<String, Object> conditions = conditions(query);
        IndexScan best = null;
        for (OrderedSecondaryIndex index : secondaryIndexes) {
            IndexScan scan = index.scan(conditions);
            if (scan != null && (best == null || scan.selectivity() > best.selectivity())) {
                best = scan;
            }
        }
        return best;
    }

    /**
     * The conditions every matching document satisfies, by field: the filter's top-level fields and those of the
     * conditions of a top-level {@code $and}. Other operators ({@code $or}, ...) are left out, which only widens the
     * candidates: each is still checked against the whole filter.
     */
    static Map<String, Object> conditions(Document query) {
        Map<String, Object> conditions = new HashMap<>();
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (!entry.getKey().startsWith("$")) {
                conditions.putIfAbsent(entry.getKey(), entry.getValue());
            } else if (entry.getKey().equals(AND) && entry.getValue() instanceof Collection<?> all) {
                for (Object condition : all) {
                    if (condition instanceof Document document) {
                        document.forEach((field, value) -> {
                            if (!field.startsWith("$")) {
                                conditions.putIfAbsent(field, value);
                            }
                        });
                    }
                }
            }
        }
        return conditions;
    }

    /**
     * The ids a filter pins {@code _id} to, at its top level or in one of the conditions of a top-level
     * {@code $and} (the Java driver writes {@code Filters.and(eq("_id", id), eq("version", 3))} as an {@code $and}),
     * or null when it pins none.
     */
    static List<Object> pinnedIds(Document query) {
        List<Object> ids = idsOf(query.get(ID));
        if (ids == null && query.get(AND) instanceof Collection<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document document && (ids = idsOf(document.get(ID))) != null) {
                    break;
                }
            }
        }
        return ids;
    }

    /** The filter without the {@code _id} condition {@link #pinnedIds} found (top level, or one of a top-level $and). */
    static Document withoutPinnedIds(Document query) {
        Document rest = new Document(query);
        if (idsOf(rest.get(ID)) != null) {
            rest.remove(ID);
            return rest;
        }
        if (rest.get(AND) instanceof Collection<?> conditions) {
            List<Object> others = new ArrayList<>(conditions);
            for (Object condition : conditions) {
                if (condition instanceof Document document && idsOf(document.get(ID)) != null) {
                    Document remaining = new Document(document);
                    remaining.remove(ID);
                    others.remove(condition);
                    if (!remaining.isEmpty()) {
                        others.add(remaining);
                    }
                    break;
                }
            }
            if (others.isEmpty()) {
                rest.remove(AND);
            } else {
                rest.put(AND, others);
            }
        }
        return rest;
    }

    /** The ids one {@code _id} condition allows (a string, or {@code $in} strings), or null for any other condition. */
    private static List<Object> idsOf(Object condition) {
        if (condition instanceof String id) {
            return List.of(id);
        }
        if (condition instanceof Document operators && operators.size() == 1
                && operators.get(IN) instanceof Collection<?> values) {
            List<Object> ids = new ArrayList<>(values.size());
            for (Object value : values) {
                if (!(value instanceof String)) {
                    return null;
                }
                ids.add(value);
            }
            return ids;
        }
        return null;
    }

    private List<Object> present(List<Object> ids) {
        List<Object> present = new ArrayList<>(ids.size());
        for (Object id : new LinkedHashSet<>(ids)) {
            if (dataMap.containsKey(id)) {
                present.add(id);
            }
        }
        return present;
    }

    private static boolean isIdOrder(Document orderBy) {
        return orderBy != null && orderBy.size() == 1 && orderBy.get(ID) instanceof Number direction
                && direction.intValue() == 1;
    }

    /** True when every key is a string: the map orders keys by type first, so first and last tell. */
    private boolean onlyStringIds() {
        return !dataMap.isEmpty() && dataMap.firstKey() instanceof String && dataMap.lastKey() instanceof String;
    }

    /** Where an {@code _id}-ordered scan may start: the first key for an empty filter, the bound of {@code $gt(e)}. */
    private String lowerBound(Document query) {
        if (query.isEmpty()) {
            return (String) dataMap.firstKey();
        }
        if (query.size() == 1 && query.get(ID) instanceof Document bound && bound.size() == 1) {
            Map.Entry<String, Object> only = bound.entrySet().iterator().next();
            if (LOWER_BOUNDS.contains(only.getKey()) && only.getValue() instanceof String from) {
                return from;
            }
        }
        return null;
    }

    /** The documents from the key {@code from} on, in key order, read lazily (a limit stops the reading). */
    private Stream<Document> fromId(String from) {
        Cursor<Object, StoredDocument> cursor = dataMap.cursor(from);
        Spliterator<Document> documents = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(java.util.function.Consumer<? super Document> action) {
                if (!cursor.hasNext()) {
                    return false;
                }
                cursor.next();
                action.accept(cursor.getValue().decode());
                return true;
            }
        };
        return StreamSupport.stream(documents, false);
    }
}
