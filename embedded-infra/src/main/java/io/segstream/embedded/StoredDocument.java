package io.segstream.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;

/**
 * A document as the wire server stores and caches it: its BSON, never changed after it is stored. Each read decodes a
 * new {@link Document}, which the reader may keep or change without touching what is stored.
 */
record StoredDocument(byte[] bson) {

    Document decode() {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** The encoded size, which the collection's data size adds up. */
    int size() {
        return bson.length;
    }
}
