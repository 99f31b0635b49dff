package io.segstream.segmentation.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/** Reads what {@link BinaryWriter} wrote; a truncated or malformed input is an {@link IllegalArgumentException}. */
final class BinaryReader {
    private static final int MAX_VARINT_SHIFT = 63;
    private final byte[] bytes;
    private int position;

    BinaryReader(byte[] bytes) {
        this.bytes = bytes;
    }

    boolean atEnd() {
        return position == bytes.length;
    }

    int readByte() {
        if (position >= bytes.length) {
            throw new IllegalArgumentException("the stored value ends early");
        }
        return bytes[position++] & 0xFF;
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    long readVarLong() {
        long value = 0;
        int shift = 0;
        while (true) {
            int next = readByte();
            value |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
            shift += 7;
            if (shift > MAX_VARINT_SHIFT) {
                throw new IllegalArgumentException("a variable-length integer is too long");
            }
        }
    }

    long readSignedVarLong() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    int readVarInt() {
        return Math.toIntExact(readVarLong());
    }

    long readLong() {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | readByte();
        }
        return value;
    }

    double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    String readString() {
        long length = readVarLong();
        if (length == 0) {
            return null;
        }
        int bytesLong = Math.toIntExact(length - 1);
        require(bytesLong);
        String value = new String(bytes, position, bytesLong, StandardCharsets.UTF_8);
        position += bytesLong;
        return value;
    }

    byte[] readBytes() {
        int length = readVarInt();
        require(length);
        byte[] value = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    Instant readInstant() {
        if (readByte() == 0) {
            return null;
        }
        long seconds = readSignedVarLong();
        return Instant.ofEpochSecond(seconds, readVarLong());
    }

    BigDecimal readDecimal() {
        return switch (readByte()) {
            case 0 -> null;
            case 1 -> {
                int scale = Math.toIntExact(readSignedVarLong());
                yield BigDecimal.valueOf(readSignedVarLong(), scale);
            }
            case 2 -> {
                int scale = Math.toIntExact(readSignedVarLong());
                yield new BigDecimal(new BigInteger(readBytes()), scale);
            }
            default -> throw new IllegalArgumentException("unknown decimal form");
        };
    }

    Integer readNullableInt() {
        return readByte() == 0 ? null : Math.toIntExact(readSignedVarLong());
    }

    private void require(int length) {
        if (length < 0 || position + length > bytes.length) {
            throw new IllegalArgumentException("the stored value ends early");
        }
    }
}
