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

class BsonDocumentTypeTest {

    private static Document document(int i) {
        return new Document("_id", "id-" + i).append("n", i).append("list", List.of("a", new Document("b", i)));
    }

    @Test
    void aStoredDocumentIsWrittenWithTheEncodingItGotWhenStoredAndReadsBackTheSame() {
        BsonDocumentType type = new BsonDocumentType(1 << 20);
        Document stored = document(1);
        byte[] bson = type.encodeForStorage(stored);
        assertThat(bson).isEqualTo(BsonDocumentType.encode(stored));
        assertThat(type.size(stored)).isEqualTo(bson.length);

        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, stored);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        assertThat(type.read(written)).isEqualTo(stored);
    }

    @Test
    void encodingsAreKeptByIdentityWithinTheBudgetMostRecentFirst() {
        Document probe = document(0);
        int each = BsonDocumentType.encode(probe).length;
        BsonDocumentType type = new BsonDocumentType(3L * each);
        Document first = document(0);
        Document second = document(0);
        type.encodeForStorage(first);
        type.encodeForStorage(second);
        // Equal contents, two documents: two encodings.
        assertThat(type.keptEncodings()).isEqualTo(2);
        type.encodeForStorage(document(0));
        type.encodeForStorage(document(0));
        assertThat(type.keptEncodings()).isEqualTo(3);
        type.forget(second);
        assertThat(type.keptEncodings()).isEqualTo(2);
        type.forget(first);
        assertThat(type.keptEncodings()).isEqualTo(2);
        // A document without a kept encoding still has its size.
        assertThat(type.size(first)).isEqualTo(each);
    }

    @Test
    void anUpdatedDocumentCopiesTheFieldsItSharesWithThePreviousOneAndIsEncodedAsIfWhole() {
        BsonDocumentType type = new BsonDocumentType(1 << 20);
        Document history = new Document("purchases", List.of(new Document("amount", 1.5), new Document("amount", 2)));
        Document previous = new Document("_id", "c-1").append("history", history).append("classes", List.of("A"))
                .append("gone", "x");
        type.encodeForStorage(previous);
        Document next = new Document("_id", "c-1").append("history", history).append("classes", List.of("B"))
                .append("added", 1);

        assertThat(type.encodeForStorage(next, previous)).isEqualTo(BsonDocumentType.encode(next));
        assertThat(type.size(next)).isEqualTo(BsonDocumentType.encode(next).length);
        // Without a kept encoding of the previous document it is encoded whole.
        Document unkept = new Document("_id", "c-2").append("history", history);
        assertThat(type.encodeForStorage(new Document(unkept).append("n", 1), unkept))
                .isEqualTo(BsonDocumentType.encode(new Document(unkept).append("n", 1)));
    }

    @Property(tries = 1000)
    void sharingEncodingsIsExact(@ForAll("documents") Document previous, @ForAll("documents") Document fresh,
                                 @ForAll boolean decoded, @ForAll long seed) {
        BsonDocumentType type = new BsonDocumentType(1 << 20);
        Document stored = previous;
        if (decoded) {
            // A document read from a page: its encoding is the bytes it was decoded from.
            WriteBuffer buffer = new WriteBuffer();
            new BsonDocumentType(0).write(buffer, previous);
            ByteBuffer written = buffer.getBuffer();
            written.flip();
            stored = type.read(written);
        } else {
            type.encodeForStorage(stored);
        }
        // An update: keeps some fields (the same objects), drops some, gives some new values, appends others.
        java.util.Random random = new java.util.Random(seed);
        Document next = new Document();
        for (Map.Entry<String, Object> field : stored.entrySet()) {
            switch (random.nextInt(3)) {
                case 0 -> next.put(field.getKey(), field.getValue());
                case 1 -> next.put(field.getKey(), fresh.getOrDefault(field.getKey(), random.nextInt()));
                default -> { }
            }
        }
        fresh.forEach(next::putIfAbsent);

        assertThat(type.encodeForStorage(next, stored)).isEqualTo(BsonDocumentType.encode(next));
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
