package io.segstream.segmentation.domain;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The population that RFM scores are quintiles of, and the segment sizes, as counts that can be kept up to date one
 * customer at a time and added up across the parts of the population kept apart (one per stream task):
 * customers per last purchase day and per order count (exact: a customer's recency as of any day follows from the
 * last purchase day), per monetary bucket ({@link MonetaryBuckets}: values closer than the accuracy rank as tied),
 * and per class of every definition. Not thread-safe: one task keeps one; {@link #snapshot} is what others read.
 */
public final class PopulationSummary {
    private final MonetaryBuckets buckets;
    private final TreeMap<Long, Long> lastPurchaseDays = new TreeMap<>();
    private final TreeMap<Long, Long> orders = new TreeMap<>();
    private final TreeMap<Long, Long> monetary = new TreeMap<>();
    private final Map<String, Map<String, Long>> classSizes = new TreeMap<>();
    private long profiles;
    private long buyers;

    public PopulationSummary(MonetaryBuckets buckets) {
        this.buckets = buckets;
    }

    /** A summary of these counts (as read back from what {@link #lastPurchaseDays()} and the others gave). */
    public static PopulationSummary of(MonetaryBuckets buckets, long profiles, Map<Long, Long> lastPurchaseDays,
                                       Map<Long, Long> orders, Map<Long, Long> monetary,
                                       Map<String, Map<String, Long>> classSizes) {
        PopulationSummary summary = new PopulationSummary(buckets);
        summary.profiles = profiles;
        summary.lastPurchaseDays.putAll(lastPurchaseDays);
        summary.orders.putAll(orders);
        summary.monetary.putAll(monetary);
        classSizes.forEach((key, sizes) -> summary.classSizes.put(key, new TreeMap<>(sizes)));
        summary.buyers = lastPurchaseDays.values().stream().mapToLong(Long::longValue).sum();
        return summary;
    }

    /** The sum of these summaries; all must group monetary values the same way. */
    public static PopulationSummary merge(MonetaryBuckets buckets, Collection<PopulationSummary> parts) {
        PopulationSummary total = new PopulationSummary(buckets);
        for (PopulationSummary part : parts) {
            if (part.buckets.relativeAccuracy() != buckets.relativeAccuracy()) {
                throw new IllegalArgumentException("summaries of different monetary accuracies cannot be added up");
            }
            total.profiles += part.profiles;
            total.buyers += part.buyers;
            part.lastPurchaseDays.forEach((day, count) -> total.lastPurchaseDays.merge(day, count, Long::sum));
            part.orders.forEach((count, customers) -> total.orders.merge(count, customers, Long::sum));
            part.monetary.forEach((bucket, customers) -> total.monetary.merge(bucket, customers, Long::sum));
            part.classSizes.forEach((key, sizes) -> sizes.forEach((className, customers) -> total.classSizes
                    .computeIfAbsent(key, k -> new TreeMap<>()).merge(className, customers, Long::sum)));
        }
        return total;
    }

    /** Counts a customer in (a new one, or the new state of one whose old state was {@link #remove removed}). */
    public void add(PopulationMember member) {
        change(member, 1);
    }

    /** Counts a customer out again (before counting its new state in, or when it is erased). */
    public void remove(PopulationMember member) {
        change(member, -1);
    }

    private void change(PopulationMember member, long by) {
        profiles += by;
        if (member.hasPurchased()) {
            buyers += by;
            count(lastPurchaseDays, member.lastPurchaseDay().toEpochDay(), by);
            count(orders, member.orders(), by);
            count(monetary, buckets.keyOf(member.monetary()), by);
        }
        member.classes().forEach((key, className) -> {
            Map<String, Long> sizes = classSizes.computeIfAbsent(key, k -> new TreeMap<>());
            count(sizes, className, by);
            if (sizes.isEmpty()) {
                classSizes.remove(key);
            }
        });
    }

    private static <K> void count(Map<K, Long> counts, K key, long by) {
        long now = counts.getOrDefault(key, 0L) + by;
        if (now < 0) {
            throw new IllegalStateException("a customer was counted out who was not counted in");
        }
        if (now == 0) {
            counts.remove(key);
        } else {
            counts.put(key, now);
        }
    }

    /** An immutable view for scoring, as of days in {@code purchaseDayZone}. */
    public PopulationSnapshot snapshot(ZoneId purchaseDayZone) {
        return new PopulationSnapshot(purchaseDayZone, buckets, profiles, lastPurchaseDays, orders, monetary,
                classSizes);
    }

    public MonetaryBuckets buckets() {
        return buckets;
    }

    /** Customers with a profile (whether they bought or only gave feedback). */
    public long profiles() {
        return profiles;
    }

    /** Customers who bought: the RFM population. */
    public long buyers() {
        return buyers;
    }

    /** Customers per last purchase day (epoch day). */
    public Map<Long, Long> lastPurchaseDays() {
        return Collections.unmodifiableMap(lastPurchaseDays);
    }

    /** Customers per order count. */
    public Map<Long, Long> orders() {
        return Collections.unmodifiableMap(orders);
    }

    /** Customers per monetary bucket ({@link MonetaryBuckets#keyOf}). */
    public Map<Long, Long> monetary() {
        return Collections.unmodifiableMap(monetary);
    }

    /** Customers per class, per definition key. */
    public Map<String, Map<String, Long>> classSizes() {
        return Collections.unmodifiableMap(classSizes);
    }
}
