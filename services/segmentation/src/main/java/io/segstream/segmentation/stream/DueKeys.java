package io.segstream.segmentation.stream;

import org.apache.kafka.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Keys of the due store: the instant (seconds with the sign bit flipped, then nanoseconds, both big-endian, so that
 * unsigned byte order is time order) followed by the customer id. A range scan from the start yields the customers
 * in the order they fall due, ties by id.
 */
final class DueKeys {
    private static final int INSTANT_BYTES = Long.BYTES + Integer.BYTES;

    private DueKeys() {
    }

    static Bytes of(Instant at, String customerId) {
        byte[] id = customerId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer key = ByteBuffer.allocate(INSTANT_BYTES + id.length);
        key.putLong(at.getEpochSecond() ^ Long.MIN_VALUE).putInt(at.getNano()).put(id);
        return Bytes.wrap(key.array());
    }

    static Instant instantOf(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get());
        long seconds = buffer.getLong() ^ Long.MIN_VALUE;
        return Instant.ofEpochSecond(seconds, buffer.getInt());
    }

    static String customerOf(Bytes key) {
        byte[] bytes = key.get();
        return new String(bytes, INSTANT_BYTES, bytes.length - INSTANT_BYTES, StandardCharsets.UTF_8);
    }
}
