package io.segstream.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
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
}
