package io.segstream.embedded;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BsonDocumentTypeTest {

    private static Document document(int i) {
        return new Document("_id", "id-" + i).append("n", i).append("list", List.of("a", new Document("b", i)));
    }

    private static StoredDocument writtenAndReadBack(StoredDocument stored) {
        WriteBuffer buffer = new WriteBuffer();
        new BsonDocumentType().write(buffer, stored);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return new BsonDocumentType().read(written);
    }

    @Test
    void aStoredDocumentIsWrittenWithTheEncodingItGotWhenStoredAndReadsBackAsThoseBytes() {
        Document document = document(1);
        StoredDocument stored = BsonDocumentType.store(document);
        assertThat(stored.bson()).isEqualTo(BsonDocumentType.encode(document));
        assertThat(stored.size()).isEqualTo(stored.bson().length);

        StoredDocument read = writtenAndReadBack(stored);
        assertThat(read.bson()).isEqualTo(stored.bson());
        assertThat(read.decode()).isEqualTo(document);
        // The cache counts the bytes it keeps, not a decoded document's several times larger heap.
        assertThat(new BsonDocumentType().getMemory(read)).isBetween(stored.size(), stored.size() + 64);
    }

    @Test
    void eachReadDecodesANewDocumentSoChangingOneLeavesTheStoredBytesAlone() {
        StoredDocument stored = BsonDocumentType.store(document(1));
        Document first = stored.decode();
        first.put("n", 99);
        ((java.util.Map<String, Object>) first).remove("list");
        assertThat(stored.decode()).isEqualTo(document(1)).isNotSameAs(stored.decode());
    }

    @Test
    void anUpdatedDocumentCopiesTheFieldsItSharesWithThePreviousOneAndIsEncodedAsIfWhole() {
        Document history = new Document("purchases", List.of(new Document("amount", 1.5), new Document("amount", 2)));
        StoredDocument stored = BsonDocumentType.store(new Document("_id", "c-1").append("history", history)
                .append("classes", List.of("A")).append("gone", "x"));
        Document previous = stored.decode();
        Document next = new Document("_id", "c-1").append("history", previous.get("history"))
                .append("classes", List.of("B")).append("added", 1);

        assertThat(BsonDocumentType.store(next, previous, stored).bson()).isEqualTo(BsonDocumentType.encode(next));
        // Without the decoded previous document (the stock update's path) it is encoded whole, the same bytes.
        assertThat(BsonDocumentType.store(next, null, stored).bson()).isEqualTo(BsonDocumentType.encode(next));
    }

    @Test
    void aPreviousDocumentThatDoesNotMatchTheStoredBytesFieldByFieldIsNotTrusted() {
        StoredDocument stored = BsonDocumentType.store(new Document("_id", "c-1").append("a", "first")
                .append("b", "second"));
        Document decoded = stored.decode();
        // The same value objects under the same names, in another order than the bytes hold them.
        Document reordered = new Document("_id", decoded.get("_id")).append("b", decoded.get("b"))
                .append("a", decoded.get("a"));
        Document next = new Document(reordered).append("c", 3);

        assertThat(BsonDocumentType.store(next, reordered, stored).bson()).isEqualTo(BsonDocumentType.encode(next));
    }

    @Property(tries = 1000)
    void sharingEncodingsIsExact(@ForAll("documents") Document original, @ForAll("documents") Document fresh,
                                 @ForAll boolean readFromAPage, @ForAll boolean shuffled, @ForAll long seed) {
        StoredDocument stored = BsonDocumentType.store(original);
        if (readFromAPage) {
            stored = writtenAndReadBack(stored);
        }
        java.util.Random random = new java.util.Random(seed);
        Document decoded = stored.decode();
        Document previous = decoded;
        if (shuffled) {
            // What the update was given is not field by field what is stored: nothing may be copied wrongly.
            List<String> names = new java.util.ArrayList<>(decoded.keySet());
            java.util.Collections.shuffle(names, random);
            Document reordered = new Document();
            names.forEach(name -> reordered.put(name, decoded.get(name)));
            previous = reordered;
        }
        // An update: keeps some fields (the same objects), drops some, gives some new values, appends others.
        Document next = new Document();
        for (Map.Entry<String, Object> field : previous.entrySet()) {
            switch (random.nextInt(3)) {
                case 0 -> next.put(field.getKey(), field.getValue());
                case 1 -> next.put(field.getKey(), fresh.getOrDefault(field.getKey(), random.nextInt()));
                default -> { }
            }
        }
        fresh.forEach(next::putIfAbsent);

        assertThat(BsonDocumentType.store(next, previous, stored).bson()).isEqualTo(BsonDocumentType.encode(next));
    }

    @Property(tries = 1000)
    void aPartlyDecodedDocumentIsTheStoredOneInTheFieldsAskedForAndUpdatesOfItEncodeExactly(
            @ForAll("documents") Document original, @ForAll("documents") Document fresh,
            @ForAll java.util.Set<@net.jqwik.api.constraints.StringLength(1) String> asked, @ForAll long seed) {
        StoredDocument stored = writtenAndReadBack(BsonDocumentType.store(original));
        Document whole = stored.decode();
        Document partial = stored.decodeOnly(asked);
        // Only a top-level value of a type whose length is not known (a regular expression) refuses: a nested one
        // is inside a document or array, whose length is written.
        boolean unknownLength = whole.values().stream().anyMatch(BsonRegularExpression.class::isInstance);
        assertThat(partial == null).isEqualTo(unknownLength);
        if (partial == null) {
            return;
        }
        assertThat(partial.keySet()).containsExactlyElementsOf(whole.keySet());
        for (String name : whole.keySet()) {
            if (asked.contains(name)) {
                // Compared as encoded: the server's regular expression type has no value equality, and one may sit
                // inside a nested document or array.
                assertThat(BsonDocumentType.encode(new Document(name, partial.get(name))))
                        .isEqualTo(BsonDocumentType.encode(new Document(name, whole.get(name))));
            } else {
                assertThat(partial.get(name)).isInstanceOf(StoredDocument.Undecoded.class);
            }
        }
        // An update of the decoded fields only, as an assignment makes it: undecoded ones kept as they are.
        java.util.Random random = new java.util.Random(seed);
        Document next = new Document();
        Document expected = new Document();
        for (String name : partial.keySet()) {
            boolean decoded = asked.contains(name);
            int choice = decoded ? random.nextInt(3) : 0;
            switch (choice) {
                case 0 -> {
                    next.put(name, partial.get(name));
                    expected.put(name, whole.get(name));
                }
                case 1 -> {
                    Object value = fresh.getOrDefault(name, random.nextInt());
                    next.put(name, value);
                    expected.put(name, value);
                }
                default -> { }
            }
        }
        assertThat(BsonDocumentType.store(next, partial, stored).bson()).isEqualTo(BsonDocumentType.encode(expected));
    }

    @Test
    void anUndecodedFieldIsNeverEncodedAfresh() {
        StoredDocument stored = BsonDocumentType.store(new Document("_id", "c-1").append("history", List.of(1, 2)));
        Document partial = stored.decodeOnly(java.util.Set.of("_id"));
        Document unrelated = new Document("_id", "c-1").append("history", partial.get("history"));

        assertThatThrownBy(() -> BsonDocumentType.store(unrelated, null, stored))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void elementEndsAreFoundForEveryTypeTheEncoderWritesAndUnknownOnesAreRefused() {
        Document every = new Document("double", 1.5).append("string", "价格").append("document", new Document("a", 1))
                .append("array", List.of(1, "b")).append("binary", new BinData(new byte[] {1, 2, 3}))
                .append("uuid", UUID.randomUUID()).append("objectId", new ObjectId()).append("boolean", true)
                .append("date", Instant.ofEpochMilli(5)).append("null", null).append("int", 7).append("long", 8L)
                .append("timestamp", new BsonTimestamp(9)).append("decimal", new Decimal128(BigDecimal.TEN))
                .append("min", MinKey.getInstance()).append("max", MaxKey.getInstance())
                .append("code", new BsonJavaScript("x()"));
        byte[] bson = BsonDocumentType.encode(every);
        int position = Integer.BYTES;
        for (String name : every.keySet()) {
            int end = BsonDocumentType.elementEnd(bson, position);
            assertThat(end).as(name).isGreaterThan(position);
            position = end;
        }
        assertThat(position).isEqualTo(bson.length - 1);
        byte[] regex = BsonDocumentType.encode(new Document("r", new BsonRegularExpression("a", "i")));
        assertThat(BsonDocumentType.elementEnd(regex, Integer.BYTES)).isEqualTo(-1);
        assertThat(BsonDocumentType.elementEnd(java.util.Arrays.copyOf(bson, 12), Integer.BYTES)).isEqualTo(-1);
    }

    @Provide
    Arbitrary<Document> documents() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.integers().map(Object.class::cast), Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast), Arbitraries.strings().ofMaxLength(6).map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast), Arbitraries.just(null),
                Arbitraries.longs().between(0, 1L << 40).map(ms -> (Object) Instant.ofEpochMilli(ms)),
                Arbitraries.just(new BsonRegularExpression("^a", "i")).map(Object.class::cast),
                Arbitraries.just(new BinData(new byte[] {4, 5})).map(Object.class::cast),
                Arbitraries.just(new Decimal128(new BigDecimal("12.34"))).map(Object.class::cast));
        Arbitrary<Object> values = Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(3).map(Object.class::cast),
                Arbitraries.maps(Arbitraries.of("x", "y", "z"), inner).ofMaxSize(3)
                        .map(map -> (Object) new Document(new java.util.LinkedHashMap<>(map)))), 0, 2);
        return Arbitraries.maps(Arbitraries.of("a", "b", "c", "d", "e", "f"), values).ofMaxSize(6)
                .map(map -> new Document(new java.util.LinkedHashMap<>(map)));
    }
}
