package io.segstream.segmentation.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes the compact binary form of what the stream keeps in its stores: variable-length integers, length-prefixed
 * UTF-8, instants as seconds and nanoseconds, decimals as scale and unscaled value. {@link BinaryReader} reads it.
 */
final class BinaryWriter {
    private static final int LONG_BITS = 63;
    private byte[] bytes;
    private int size;

    BinaryWriter(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    /** An unsigned variable-length integer (7 bits a byte). */
    void writeVarLong(long value) {
        ensure(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        bytes[size++] = (byte) rest;
    }

    /** A signed variable-length integer (zig-zag: small magnitudes are short either side of zero). */
    void writeSignedVarLong(long value) {
        writeVarLong((value << 1) ^ (value >> LONG_BITS));
    }

    void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    void writeDouble(double value) {
        writeLong(Double.doubleToRawLongBits(value));
    }

    /** A string or null (its length plus one; 0 for null). */
    void writeString(String value) {
        if (value == null) {
            writeVarLong(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeVarLong(utf8.length + 1L);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    void writeBytes(byte[] value) {
        writeVarLong(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    /** An instant or null. */
    void writeInstant(Instant value) {
        if (value == null) {
            writeByte(0);
            return;
        }
        writeByte(1);
        writeSignedVarLong(value.getEpochSecond());
        writeVarLong(value.getNano());
    }

    /** A decimal or null, exactly (scale and unscaled value). */
    void writeDecimal(BigDecimal value) {
        if (value == null) {
            writeByte(0);
            return;
        }
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() < LONG_BITS) {
            writeByte(1);
            writeSignedVarLong(value.scale());
            writeSignedVarLong(unscaled.longValue());
        } else {
            writeByte(2);
            writeSignedVarLong(value.scale());
            writeBytes(unscaled.toByteArray());
        }
    }

    /** An int or null. */
    void writeNullableInt(Integer value) {
        if (value == null) {
            writeByte(0);
        } else {
            writeByte(1);
            writeSignedVarLong(value);
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
