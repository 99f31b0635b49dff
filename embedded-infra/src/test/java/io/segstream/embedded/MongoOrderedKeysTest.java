package io.segstream.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import de.bwaldvogel.mongo.backend.ValueComparator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MongoOrderedKeysTest {
    private static final KeyValue KEY = new KeyValue("customer-1", Instant.parse("2026-12-03T06:15:35.123456789Z"),
            42L, 7, 1.5, null, true, new ObjectId(), new Document("a", 1), List.of("x", 2), "");

    private static Object roundTrip(ObjectDataType writer, ObjectDataType reader, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        writer.write(buffer, key);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        Object read = reader.read(written);
        assertThat(written.remaining()).isZero();
        return read;
    }

    @Test
    void keysAreWrittenWithTheirOwnTagAndReadBackEqual() {
        MongoOrderedKeys keys = new MongoOrderedKeys();
        WriteBuffer buffer = new WriteBuffer();
        keys.write(buffer, KEY);
        assertThat(buffer.getBuffer().get(0)).isEqualTo(MongoOrderedKeys.KEY_TAG);
        Object read = roundTrip(keys, new MongoOrderedKeys(), KEY);
        assertThat(read).isEqualTo(KEY);
        assertThat(keys.compare(read, KEY)).isZero();
    }

    @Test
    void keysWrittenByJavaSerialisationInOlderFilesAreStillRead() {
        assertThat(roundTrip(new ObjectDataType(), new MongoOrderedKeys(), KEY)).isEqualTo(KEY);
        // Values that are not keys keep the store's format both ways.
        assertThat(roundTrip(new MongoOrderedKeys(), new ObjectDataType(), "plain")).isEqualTo("plain");
    }

    @Test
    void aKeySizeInMemoryFollowsItsValuesNotTheStoresDefaultForSerialisedObjects() {
        MongoOrderedKeys keys = new MongoOrderedKeys();
        int small = keys.getMemory(new KeyValue("a"));
        assertThat(small).isLessThan(200);
        assertThat(keys.getMemory(new KeyValue("a".repeat(1000)))).isGreaterThan(small + 900);
    }

    /** Scalars of the kinds index keys hold, with the edge cases of each and values of other types mixed in. */
    @Provide
    Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6).withChars("aAz\u00e9\u4e2d\uffff0").map(text -> (Object) text),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(2).map(text -> (Object) text),
                Arbitraries.longs().map(n -> (Object) Instant.ofEpochMilli(n / 1000)),
                Arbitraries.integers().map(n -> (Object) n),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, (long) Integer.MAX_VALUE + 1,
                        9_007_199_254_740_993L).map(n -> (Object) n),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0).map(n -> (Object) n),
                Arbitraries.doubles().map(n -> (Object) n),
                Arbitraries.of(0.0, -0.0, 1.0, 9.007199254740992E15, Double.NaN).map(n -> (Object) n),
                Arbitraries.of(true, false).map(b -> (Object) b));
    }

    @Property(tries = 3000)
    void keysCompareAsMongoDbValuesDo(@ForAll("scalars") Object a, @ForAll("scalars") Object b) {
        int expected = Integer.signum(ValueComparator.asc().compare(a, b));
        MongoOrderedKeys keys = new MongoOrderedKeys();
        assertThat(Integer.signum(keys.compare(new KeyValue(a), new KeyValue(b)))).isEqualTo(expected);
        assertThat(Integer.signum(keys.compare(new KeyValue("same", a), new KeyValue("same", b)))).isEqualTo(expected);
    }
}
