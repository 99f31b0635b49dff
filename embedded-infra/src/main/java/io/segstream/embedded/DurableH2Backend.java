package io.segstream.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The wire server's H2 backend, with these changes:
 * <ul>
 *     <li>it commits its store after every write command, not only in the background about once a second, so that
 *     what a client was
 *     told is written is in the file even if the process is killed a moment later (a service may already have
 *     committed its Kafka offsets for it). A batch of writes is one command (insertMany, bulkWrite), so this is one
 *     commit per batch, not per document;</li>
 *     <li>a stored document is never changed in place (updates store a changed copy, {@link IdKeyedCollection}), so
 *     the background writer and replies being encoded never read one mid-update;</li>
 *     <li>its collections answer {@code _id}-pinned filters and {@code _id}-ordered pages from the data map
 *     ({@link IdKeyedCollection}) instead of scanning, and the store keeps a larger page cache, so that the wire
 *     server's cost per write stays flat as collections grow;</li>
 *     <li>it keeps non-unique ascending indexes ({@link OrderedSecondaryIndex}), which the stock backend accepts and
 *     ignores, and answers equality-then-range filters on them in index order up to the limit;</li>
 *     <li>documents are stored as BSON ({@link BsonDocumentType}) and unique-index keys compared in MongoDB's order
 *     ({@link MongoOrderedKeys}) instead of by Java serialisation: the format is recorded in the file, and a file of
 *     the stock format is refused with a message.</li>
 * </ul>
 */
final class DurableH2Backend extends H2Backend {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection");
    // The stock backend's map names: only the storage format of their contents differs (see openStore).
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    /** The secondary indexes that met an array and are no longer kept (OrderedSecondaryIndex). */
    private static final String UNKEPT_INDEXES_MAP = "segstream.unkept-indexes";

    /** Where the storage format is recorded: a file without it was written by the stock backend. */
    private static final String FORMAT_MAP = "segstream.storage";
    private static final String FORMAT_KEY = "format";
    private static final String FORMAT = "bson-documents, mongo-ordered-unique-keys";

    /** How documents are stored; static because the stock constructor opens collections before fields are set. */
    private static final BsonDocumentType DOCUMENTS = new BsonDocumentType();

    DurableH2Backend(String fileName, int cacheSizeMb) {
        super(openStore(fileName, cacheSizeMb));
    }

    /**
     * Opens the store and checks it holds this backend's format (documents as BSON, index keys in MongoDB order);
     * a new store is marked with it. A file in the stock format (Java-serialised documents, from before this backend)
     * cannot be read with it: that is refused with a message rather than misread.
     */
    static MVStore openStore(String fileName, int cacheSizeMb) {
        // The background writer stays: besides committing it frees and compacts old chunks (without it the file grows
        // by every rewrite). It may serialise pages at any moment, which is safe because a stored document is never
        // changed in place (IdKeyedCollection updates copies).
        MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(cacheSizeMb).open();
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        String found = format.get(FORMAT_KEY);
        if (found == null && store.getMapNames().stream().anyMatch(name -> name.startsWith(DATA_PREFIX))) {
            store.close();
            throw new IllegalStateException("the MongoDB data file " + fileName + " was written by an earlier version"
                    + " of Segstream's embedded wire server (Java-serialised documents) and cannot be read by this one;"
                    + " move it away or delete it (a local stack's data directory, e.g. .segstream/data) and start again");
        }
        if (found != null && !FORMAT.equals(found)) {
            store.close();
            throw new IllegalStateException("the MongoDB data file " + fileName + " has the storage format '" + found
                    + "', this version reads '" + FORMAT + "'");
        }
        if (found == null) {
            format.put(FORMAT_KEY, FORMAT);
            store.commit();
        }
        return store;
    }

    /**
     * Runs a command; a write command commits the store before it returns. The store version the command starts at is
     * registered as in use while it runs: a scan of a large collection reads pages of the version it started at for
     * as long as it takes (minutes over a million profiles), and the background writer would otherwise free their
     * chunks once other writes made them dead and the retention time (45 s) had passed ("Chunk ... not found").
     */
    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        MVStore store = getMvStore();
        MVStore.TxCounter reading = store.registerVersionUsage();
        Document reply;
        try {
            reply = super.handleCommand(channel, database, command, query);
        } finally {
            store.deregisterVersionUsage(reading);
        }
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return reply;
    }

    /**
     * Closes the store. A command's version is deregistered as H2 does it, dropping versions no longer in use only
     * if the store's lock is free at that moment; one that found it taken (the background writer committing) leaves the
     * oldest version to keep behind until the next commit, which closing asserts has caught up (and tests run with
     * assertions). So the writer is stopped first and the versions dropped with the lock free.
     */
    @Override
    public void close() {
        MVStore store = getMvStore();
        if (!store.isClosed()) {
            store.setAutoCommitDelay(-1);
            store.deregisterVersionUsage(store.registerVersionUsage());
        }
        super.close();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdKeyedDatabase(databaseName);
    }

    /**
     * An H2 database whose collections are {@link IdKeyedCollection}s. An inner class on purpose: H2Database opens
     * the existing collections from its constructor, before a field of a subclass would be set, and the outer
     * instance (whose store it needs) is already set by then.
     */
    private final class IdKeyedDatabase extends H2Database {
        IdKeyedDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            // The stock backend's map name for an index.
            String name = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<KeyValue, Object> map = getMvStore().openMap(name,
                    new MVMap.Builder<KeyValue, Object>().keyType(new MongoOrderedKeys()));
            return new OrderedUniqueIndex(map, indexName, keys, sparse);
        }

        /**
         * Non-unique indexes with ascending keys are kept ({@link OrderedSecondaryIndex}); the stock backend ignores
         * every non-unique index. Others (a descending key) stay ignored, as before.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            if (!OrderedSecondaryIndex.supports(keys)) {
                return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
            }
            // The stock naming, so that dropping the index removes its map as it does a unique index's.
            String name = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<KeyValue, Boolean> map = getMvStore().openMap(name,
                    new MVMap.Builder<KeyValue, Boolean>().keyType(new MongoOrderedKeys()));
            return new OrderedSecondaryIndex(map, getMvStore().openMap(UNKEPT_INDEXES_MAP), indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, StoredDocument> dataMap = getMvStore().openMap(DATA_PREFIX + fullName,
                    new MVMap.Builder<Object, StoredDocument>().valueType(DOCUMENTS));
            MVMap<String, Object> metaMap = getMvStore().openMap(META_PREFIX + fullName);
            return new IdKeyedCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
    }
}
