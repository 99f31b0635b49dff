package io.segstream.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scan of the index reads (dates as the wire server holds them, Instants): only the entries in range, in order (the differential test against the stock
 * server, SecondaryIndexIT, shows the answers are right; this shows the index narrows them).
 */
class OrderedSecondaryIndexTest {
    private static final long T0 = 1_780_000_000_000L;
    private final MVStore store = new MVStore.Builder().open();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRangeReadsOnlyTheEntriesInItInKeyOrder() {
        OrderedSecondaryIndex index = index("due", List.of(new IndexKey("due", true)), true);
        for (int i = 9; i >= 0; i--) {
            index.add(new Document("_id", "c" + i).append("due", Instant.ofEpochMilli(T0 + i)), "c" + i, null);
        }
        index.add(new Document("_id", "none"), "none", null);
        index.add(new Document("_id", "text").append("due", "soon"), "text", null);
        index.add(new Document("_id", "number").append("due", 5), "number", null);

        assertThat(ids(index, Map.of("due", new Document("$lte", Instant.ofEpochMilli(T0 + 3)))))
                .containsExactly("c0", "c1", "c2", "c3");
        assertThat(ids(index, Map.of("due", new Document("$gt", Instant.ofEpochMilli(T0 + 7)))))
                .containsExactly("c8", "c9");
        assertThat(ids(index, Map.of("due", new Document("$gte", Instant.ofEpochMilli(T0 + 2)).append("$lt", Instant.ofEpochMilli(T0 + 4)))))
                .containsExactly("c2", "c3");
        assertThat(ids(index, Map.of("due", new Document("$lte", 100)))).containsExactly("number");
        assertThat(index.scan(Map.of("other", 1))).isNull();
        assertThat(index.getCount()).isEqualTo(12);
    }

    @Test
    void equalityOnTheLeadingKeyThenARangeOnTheNextReadsOnlyThatSlice() {
        OrderedSecondaryIndex index = index("outbox", List.of(new IndexKey("o.published", true),
                new IndexKey("o.createdAt", true)), false);
        for (int i = 0; i < 10; i++) {
            index.add(new Document("_id", "e" + i).append("o", new Document("published", i % 2 == 0)
                    .append("createdAt", Instant.ofEpochMilli(T0 + i))), "e" + i, null);
        }
        assertThat(ids(index, Map.of("o.published", false, "o.createdAt", new Document("$lte", Instant.ofEpochMilli(T0 + 6)))))
                .containsExactly("e1", "e3", "e5");
        assertThat(ids(index, Map.of("o.published", true))).containsExactly("e0", "e2", "e4", "e6", "e8");

        index.remove(new Document("_id", "e3").append("o", new Document("published", false)
                .append("createdAt", Instant.ofEpochMilli(T0 + 3))));
        assertThat(ids(index, Map.of("o.published", false))).containsExactly("e1", "e5", "e7", "e9");
    }

    @Test
    void anArrayOnAKeyPathEndsTheKeepingOfTheIndex() {
        OrderedSecondaryIndex index = index("segments", List.of(new IndexKey("segments.key", true)), false);
        index.add(new Document("_id", "a").append("segments", new Document("key", "k")), "a", null);
        assertThat(index.getCount()).isOne();
        index.add(new Document("_id", "b").append("segments", List.of(new Document("key", "k"))), "b", null);

        assertThat(index.isKept()).isFalse();
        assertThat(index.getCount()).isZero();
        assertThat(index.scan(Map.of("segments.key", "k"))).isNull();
        // Reopened (a restart): still not kept, and not rebuilt from the documents (not empty to addIndex).
        OrderedSecondaryIndex reopened = index("segments", List.of(new IndexKey("segments.key", true)), false);
        assertThat(reopened.isKept()).isFalse();
        assertThat(reopened.isEmpty()).isFalse();
    }

    private OrderedSecondaryIndex index(String name, List<IndexKey> keys, boolean sparse) {
        MVMap<KeyValue, Boolean> map = store.openMap("db.c._index_" + name,
                new MVMap.Builder<KeyValue, Boolean>().keyType(new MongoOrderedKeys()));
        return new OrderedSecondaryIndex(map, store.openMap("unkept"), name, keys, sparse);
    }

    private static List<Object> ids(OrderedSecondaryIndex index, Map<String, Object> conditions) {
        return index.scan(conditions).ids().toList();
    }
}
