package io.segstream.embedded;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

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
}
