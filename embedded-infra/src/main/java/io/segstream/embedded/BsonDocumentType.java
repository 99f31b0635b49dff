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
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores the wire server's documents as BSON (what they arrived as) instead of the H2 store's default, Java
 * serialisation: writing a page at every commit and reading one back after a cache miss were most of the wire
 * server's time, and BSON is several times cheaper both ways.
 *
 * <p>A document is encoded once when it is stored ({@link #encodeForStorage}): that encoding gives the collection
 * its size (the stock server encoded the old and the new document of every update just to measure them) and is what
 * commits write, instead of encoding the document again each time its page is written (a commit rewrites every page
 * a write touched, unchanged neighbours included). Encodings are kept by document identity, the most recently used
 * within a byte budget; stored documents never change (see {@link IdKeyedCollection}), so one stays valid as long as
 * its document is stored.
 */
final class BsonDocumentType extends BasicDataType<Document> {
    /**
     * Rough sizes of a deserialised document's parts, for the store's cache accounting, measured with a class
     * histogram of the wire server holding 100,000 profiles: a map entry with its table slot; a document (its
     * LinkedHashMap, table and key-set view); a string (header, array header, Latin-1 bytes); any other value. An
     * estimate that is too low lets the page cache hold far more heap than its budget.
     */
    private static final int ENTRY_BYTES = 48;
    private static final int MAP_BYTES = 160;
    private static final int STRING_BYTES = 48;
    private static final int OBJECT_BYTES = 24;

    private final long budgetBytes;
    private final Map<Identity, byte[]> encodings = new LinkedHashMap<>(1024, 0.75f, true);
    private long encodedBytes;

    /** @param budgetBytes how many bytes of encodings to keep, the most recently used first */
    BsonDocumentType(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** A document as a key by identity: documents are maps, and their equality is that of their contents. */
    private record Identity(Document document) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.document == document;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(document);
        }
    }

    /** The BSON of a document about to be stored (a new one); kept for the commits that write it. */
    byte[] encodeForStorage(Document document) {
        return encodeForStorage(document, null);
    }

    /**
     * The BSON of {@code document}, about to be stored in place of {@code previous} (or null); kept for the commits that
     * write it. A field whose value is the very object {@code previous} holds under that name (an update shares
     * what it leaves alone) is copied from the previous encoding, if still kept, instead of being encoded again: a
     * profile write that changes its classes re-encodes those, not its purchase history.
     */
    byte[] encodeForStorage(Document document, Document previous) {
        byte[] before = previous == null ? null : kept(previous);
        byte[] bson = before == null ? null : encodeSharing(document, previous, before);
        if (bson == null) {
            bson = encode(document);
        }
        keep(document, bson);
        return bson;
    }

    /** The encoding of {@code document} reusing the elements it shares with {@code previous}, or null if unsure. */
    private static byte[] encodeSharing(Document document, Document previous, byte[] before) {
        int fields = previous.size();
        String[] names = new String[fields];
        Object[] values = new Object[fields];
        int[] starts = new int[fields + 1];
        int position = Integer.BYTES;
        int field = 0;
        // The previous encoding holds its document's fields in the document's order (it was encoded from it, or
        // the document was decoded from it).
        for (Map.Entry<String, Object> entry : previous.entrySet()) {
            starts[field] = position;
            position = elementEnd(before, position);
            if (position < 0) {
                return null;
            }
            names[field] = entry.getKey();
            values[field] = entry.getValue();
            field++;
        }
        if (position != before.length - 1 || before[position] != 0) {
            return null;
        }
        starts[fields] = position;
        ByteBuf encoded = Unpooled.buffer(before.length + 64);
        try {
            encoded.writeIntLE(0);
            int next = 0;
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                String name = entry.getKey();
                // Fields keep their order in an update: look from where the last match was, then from the start.
                int match = indexOf(names, name, next);
                Object value = entry.getValue();
                if (match >= 0 && values[match] == value) {
                    encoded.writeBytes(before, starts[match], starts[match + 1] - starts[match]);
                    next = match + 1;
                } else {
                    // As the stock encoder writes an element: type, name, value.
                    byte type = BsonEncoder.determineType(value);
                    encoded.writeByte(type);
                    encoded.writeBytes(name.getBytes(StandardCharsets.UTF_8));
                    encoded.writeByte(0);
                    BsonEncoder.encodeValue(type, value, encoded);
                }
            }
            encoded.writeByte(0);
            encoded.setIntLE(0, encoded.writerIndex());
            byte[] bson = new byte[encoded.readableBytes()];
            encoded.readBytes(bson);
            return bson;
        } finally {
            encoded.release();
        }
    }

    /**
     * Where the BSON element starting at {@code start} ends (its type, name and value), or -1 for a type this does
     * not know or bytes that run out: the caller then encodes the whole document.
     */
    static int elementEnd(byte[] bson, int start) {
        if (start >= bson.length || bson[start] == 0) {
            return -1;
        }
        int position = start + 1;
        while (position < bson.length && bson[position] != 0) {
            position++;
        }
        position++;
        int length = switch (bson[start]) {
            case 0x01, 0x09, 0x11, 0x12 -> 8; // double, date, timestamp, int64
            case 0x02, 0x0D, 0x0E -> lengthAt(bson, position, Integer.BYTES); // string, code, symbol
            case 0x03, 0x04, 0x0F -> lengthAt(bson, position, 0); // document, array, code with scope
            case 0x05 -> lengthAt(bson, position, Integer.BYTES + 1); // binary: length, subtype, bytes
            case 0x06, 0x0A, (byte) 0xFF, 0x7F -> 0; // undefined, null, min key, max key
            case 0x07 -> 12; // object id
            case 0x08 -> 1; // boolean
            case 0x10 -> 4; // int32
            case 0x13 -> 16; // decimal128
            default -> -1; // regular expressions, DB pointers and anything newer: encoded afresh
        };
        if (length < 0 || position + length > bson.length) {
            return -1;
        }
        return position + length;
    }

    /** The little-endian int32 at {@code position} plus {@code extra}, or -1 past the end or negative. */
    private static int lengthAt(byte[] bson, int position, int extra) {
        if (position + Integer.BYTES > bson.length) {
            return -1;
        }
        int value = (bson[position] & 0xFF) | (bson[position + 1] & 0xFF) << 8 | (bson[position + 2] & 0xFF) << 16
                | (bson[position + 3] & 0xFF) << 24;
        return value < 0 ? -1 : value + extra;
    }

    private static int indexOf(String[] names, String name, int from) {
        for (int i = from; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < from && i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void keep(Document document, byte[] bson) {
        synchronized (encodings) {
            byte[] before = encodings.put(new Identity(document), bson);
            encodedBytes += bson.length - (before == null ? 0 : before.length);
            Iterator<byte[]> eldest = encodings.values().iterator();
            while (encodedBytes > budgetBytes && eldest.hasNext()) {
                encodedBytes -= eldest.next().length;
                eldest.remove();
            }
        }
    }

    /** Forgets the encoding of a document no longer stored (replaced, removed, or not stored after all). */
    void forget(Document document) {
        synchronized (encodings) {
            byte[] removed = encodings.remove(new Identity(document));
            if (removed != null) {
                encodedBytes -= removed.length;
            }
        }
    }

    /** The encoded size of a stored document: from its kept encoding, or by encoding it. */
    int size(Document document) {
        byte[] bson = kept(document);
        return bson != null ? bson.length : encode(document).length;
    }

    /** How many encodings are kept (for tests). */
    int keptEncodings() {
        synchronized (encodings) {
            return encodings.size();
        }
    }

    private byte[] kept(Document document) {
        synchronized (encodings) {
            return encodings.get(new Identity(document));
        }
    }

    static byte[] encode(Document document) {
        ByteBuf encoded = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, encoded);
            byte[] bson = new byte[encoded.readableBytes()];
            encoded.readBytes(bson);
            return bson;
        } finally {
            encoded.release();
        }
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] bson = kept(document);
        if (bson == null) {
            // An unchanged neighbour of a changed document, or a page being compacted: likely written again soon.
            bson = encode(document);
            keep(document, bson);
        }
        buffer.putVarInt(bson.length);
        buffer.put(bson);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        byte[] bson = new byte[length];
        buffer.get(bson);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
        // Read to be answered or updated: an update needs its size, a commit of its page its encoding.
        keep(document, bson);
        return document;
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
            int bytes = MAP_BYTES;
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
            return STRING_BYTES + text.length();
        }
        return OBJECT_BYTES;
    }
}
