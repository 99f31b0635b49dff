package io.segstream.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stores the wire server's documents as BSON (what they arrived as) instead of the H2 store's default, Java
 * serialisation, and keeps them as BSON in the store's page cache too ({@link StoredDocument}): a document is decoded
 * when it is read, not when its page is. A page holds several documents and a read wants one of them: decoding the
 * whole page at each cache miss spends most of a read on documents nobody asked for, and decoded documents take
 * several times their BSON in heap, so the same cache would hold far fewer of them (docs/benchmarks.md).
 *
 * <p>A document is encoded once when it is stored: that encoding is its size (the stock server encoded the old and
 * the new document of every update just to measure them) and what commits write. An update that leaves fields alone
 * copies their bytes from the stored encoding instead of encoding them again.
 */
final class BsonDocumentType extends BasicDataType<StoredDocument> {
    /** Heap of a stored document beyond its bytes: the object and the array's header. */
    private static final int OVERHEAD_BYTES = 32;

    /** A new document, encoded for storage. */
    static StoredDocument store(Document document) {
        return new StoredDocument(encode(document));
    }

    /**
     * {@code document}, about to be stored in place of {@code stored}, encoded for storage. {@code previous} is
     * {@code stored} as decoded for this update and not changed since, or null when there is no such one (the stock
     * update changes the document it matched in place): then the document is encoded whole. A field whose value is the
     * very object {@code previous} holds under that name (an update shares what it leaves alone) is copied from the
     * stored encoding instead of being encoded again: a profile write that changes its classes encodes those, not its
     * purchase history.
     */
    static StoredDocument store(Document document, Document previous, StoredDocument stored) {
        byte[] bson = previous == null || stored == null ? null : encodeSharing(document, previous, stored.bson());
        if (bson == null) {
            for (Object value : document.values()) {
                if (value instanceof StoredDocument.Undecoded) {
                    // Cannot happen: a partly decoded document is its stored bytes field by field.
                    throw new IllegalStateException("a field left undecoded cannot be encoded afresh");
                }
            }
            bson = encode(document);
        }
        return new StoredDocument(bson);
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
            if (!nameAt(before, position, entry.getKey())) {
                return null;
            }
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

    /** Whether the element at {@code start} is named {@code name} (the decoded document and its bytes agree). */
    private static boolean nameAt(byte[] bson, int start, String name) {
        byte[] expected = name.getBytes(StandardCharsets.UTF_8);
        int from = start + 1;
        if (from + expected.length >= bson.length || bson[from + expected.length] != 0) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bson[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
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
    public void write(WriteBuffer buffer, StoredDocument document) {
        buffer.putVarInt(document.bson().length);
        buffer.put(document.bson());
    }

    @Override
    public StoredDocument read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        byte[] bson = new byte[length];
        buffer.get(bson);
        return new StoredDocument(bson);
    }

    @Override
    public StoredDocument[] createStorage(int size) {
        return new StoredDocument[size];
    }

    /** What a stored document takes in the page cache: its bytes, which is what is kept. */
    @Override
    public int getMemory(StoredDocument document) {
        return document.bson().length + OVERHEAD_BYTES;
    }
}
