package io.segstream.segmentation.encoding;

import io.segstream.segmentation.domain.MonetaryBuckets;
import io.segstream.segmentation.domain.PopulationSummary;

import java.util.Map;
import java.util.TreeMap;

/**
 * A task's population summary on segstream.segmentation.population: the counts, and the monetary accuracy they were
 * grouped with (summaries of another accuracy cannot be added up, so a reader skips them).
 */
public final class PopulationSummaryCodec {
    private static final int FORMAT = 1;

    private PopulationSummaryCodec() {
    }

    public static byte[] encode(PopulationSummary summary) {
        BinaryWriter out = new BinaryWriter(1024);
        out.writeByte(FORMAT);
        out.writeDouble(summary.buckets().relativeAccuracy());
        out.writeVarLong(summary.profiles());
        writeCounts(out, summary.lastPurchaseDays());
        writeCounts(out, summary.orders());
        writeCounts(out, summary.monetary());
        out.writeVarLong(summary.classSizes().size());
        summary.classSizes().forEach((key, sizes) -> {
            out.writeString(key);
            out.writeVarLong(sizes.size());
            sizes.forEach((className, customers) -> {
                out.writeString(className);
                out.writeVarLong(customers);
            });
        });
        return out.toByteArray();
    }

    /** The monetary accuracy a summary was written with. */
    public static double accuracyOf(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes);
        requireFormat(in);
        return in.readDouble();
    }

    public static PopulationSummary decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes);
        requireFormat(in);
        MonetaryBuckets buckets = new MonetaryBuckets(in.readDouble());
        long profiles = in.readVarLong();
        Map<Long, Long> days = readCounts(in);
        Map<Long, Long> orders = readCounts(in);
        Map<Long, Long> monetary = readCounts(in);
        int keys = in.readVarInt();
        Map<String, Map<String, Long>> classSizes = new TreeMap<>();
        for (int i = 0; i < keys; i++) {
            String key = in.readString();
            int classes = in.readVarInt();
            Map<String, Long> sizes = new TreeMap<>();
            for (int j = 0; j < classes; j++) {
                sizes.put(in.readString(), in.readVarLong());
            }
            classSizes.put(key, sizes);
        }
        return PopulationSummary.of(buckets, profiles, days, orders, monetary, classSizes);
    }

    private static void requireFormat(BinaryReader in) {
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown population summary format " + format);
        }
    }

    /** Sorted keys as deltas from the previous one: days and counts are dense, so most take a byte or two. */
    private static void writeCounts(BinaryWriter out, Map<Long, Long> counts) {
        out.writeVarLong(counts.size());
        long previous = 0;
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            out.writeSignedVarLong(entry.getKey() - previous);
            previous = entry.getKey();
            out.writeVarLong(entry.getValue());
        }
    }

    private static Map<Long, Long> readCounts(BinaryReader in) {
        int size = in.readVarInt();
        Map<Long, Long> counts = new TreeMap<>();
        long previous = 0;
        for (int i = 0; i < size; i++) {
            long key = previous + in.readSignedVarLong();
            counts.put(key, in.readVarLong());
            previous = key;
        }
        return counts;
    }
}
