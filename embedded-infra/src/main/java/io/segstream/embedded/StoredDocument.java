package io.segstream.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.Set;

/**
 * A document as the wire server stores and caches it: its BSON, never changed after it is stored. Each read decodes a
 * new {@link Document}, which the reader may keep or change without touching what is stored.
 */
record StoredDocument(byte[] bson) {

    /**
     * A top-level field left as its stored bytes by {@link #decodeOnly}. Only an update that leaves the field alone may
     * hold one: the new document's encoding then copies the field's bytes ({@link BsonDocumentType#store}). Compared
     * by identity, so a document holding one equals only a document holding the very same one.
     */
    static final class Undecoded {
        @Override
        public String toString() {
            return "(undecoded)";
        }
    }

    Document decode() {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /**
     * The document with only the top-level fields named in {@code fields} decoded, the others {@link Undecoded}, in
     * the stored order; null when a field is of a type whose length this does not know (a regular expression: the
     * caller decodes it all).
     */
    Document decodeOnly(Set<String> fields) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bson);
        buffer.readerIndex(Integer.BYTES);
        Document document = new Document();
        while (true) {
            int start = buffer.readerIndex();
            byte type = buffer.readByte();
            if (type == 0) {
                return document;
            }
            // Every element's length must be known, decoded or not: the new document's encoding walks them all.
            int end = BsonDocumentType.elementEnd(bson, start);
            if (end < 0) {
                return null;
            }
            String name = BsonDecoder.decodeCString(buffer);
            document.put(name, fields.contains(name) ? BsonDecoder.decodeValue(type, buffer) : new Undecoded());
            buffer.readerIndex(end);
        }
    }

    /** The encoded size, which the collection's data size adds up. */
    int size() {
        return bson.length;
    }
}
