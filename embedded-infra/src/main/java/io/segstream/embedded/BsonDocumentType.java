package io.segstream.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * Stores the wire server's documents as BSON (what they arrived as) instead of the H2 store's default, Java
 * serialisation: writing a page at every commit and reading one back after a cache miss were most of the wire
 * server's time, and BSON is several times cheaper both ways.
 */
final class BsonDocumentType extends BasicDataType<Document> {
    static final BsonDocumentType INSTANCE = new BsonDocumentType();
    /** Rough per-entry overheads of a deserialised document, for the store's cache accounting. */
    private static final int ENTRY_BYTES = 48;
    private static final int OBJECT_BYTES = 24;

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, encoded);
            int length = encoded.readableBytes();
            buffer.putVarInt(length);
            buffer.put(encoded.nioBuffer(encoded.readerIndex(), length));
        } finally {
            encoded.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer slice = buffer.slice();
        slice.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** An estimate of the deserialised size, which the store uses to keep its cache within its budget. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int bytes = OBJECT_BYTES;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += ENTRY_BYTES + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return bytes;
        }
        if (value instanceof Collection<?> values) {
            int bytes = OBJECT_BYTES;
            for (Object element : values) {
                bytes += 8 + estimate(element);
            }
            return bytes;
        }
        if (value instanceof String text) {
            return OBJECT_BYTES + text.length();
        }
        return OBJECT_BYTES;
    }
}
