package io.segstream.segmentation.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A population summary frozen for scoring: RFM scores by the mid-rank rule of {@link RfmPopulation} (the same
 * percentile, the same ties), from counts rather than one value per customer. Recency and frequency are exact; a
 * monetary value ties with every value of its bucket ({@link MonetaryBuckets}). Also the segment sizes.
 */
public final class PopulationSnapshot implements RfmScoring {
    private final ZoneId zone;
    private final MonetaryBuckets buckets;
    private final long profiles;
    private final long buyers;
    private final Counts lastPurchaseDays;
    private final Counts orders;
    private final Counts monetary;
    private final Map<String, Map<String, Long>> classSizes;

    PopulationSnapshot(ZoneId zone, MonetaryBuckets buckets, long profiles, SortedMap<Long, Long> lastPurchaseDays,
                       SortedMap<Long, Long> orders, SortedMap<Long, Long> monetary,
                       Map<String, Map<String, Long>> classSizes) {
        this.zone = zone;
        this.buckets = buckets;
        this.profiles = profiles;
        this.lastPurchaseDays = new Counts(lastPurchaseDays);
        this.orders = new Counts(orders);
        this.monetary = new Counts(monetary);
        this.buyers = this.lastPurchaseDays.total();
        Map<String, Map<String, Long>> sizes = new LinkedHashMap<>();
        classSizes.forEach((key, counts) -> sizes.put(key, Collections.unmodifiableMap(new TreeMap<>(counts))));
        this.classSizes = Collections.unmodifiableMap(sizes);
    }

    /** Nobody yet: every buyer scores 3 on each axis (the middle of a population of one). */
    public static PopulationSnapshot empty(ZoneId zone, MonetaryBuckets buckets) {
        return new PopulationSummary(buckets).snapshot(zone);
    }

    @Override
    public RfmScore score(ProfileFigures figures) {
        if (!figures.hasPurchased()) {
            return null;
        }
        return score(LocalDate.ofInstant(figures.lastPurchaseAt(), zone), figures.orderCount(),
                figures.monetary().doubleValue(), LocalDate.ofInstant(figures.asOf(), zone));
    }

    /** A member's scores as of {@code asOf}, as its figures would score; null for one who never bought. */
    public RfmScore score(PopulationMember member, java.time.Instant asOf) {
        if (!member.hasPurchased()) {
            return null;
        }
        return score(member.lastPurchaseDay(), member.orders(), member.monetary(), LocalDate.ofInstant(asOf, zone));
    }

    private RfmScore score(LocalDate lastDay, long f, double net, LocalDate asOfDay) {
        int n = Math.toIntExact(buyers);
        int rScore;
        if (lastDay.isBefore(asOfDay)) {
            // A longer recency is worse: customers whose last purchase day is earlier.
            long day = lastDay.toEpochDay();
            rScore = RfmPopulation.scoreOf(count(lastPurchaseDays.below(day)), count(lastPurchaseDays.at(day)), n);
        } else {
            // Recency 0: everyone who bought on the as-of day or later ties at 0.
            long below = lastPurchaseDays.below(asOfDay.toEpochDay());
            rScore = RfmPopulation.scoreOf(count(below), count(buyers - below), n);
        }
        int fScore = RfmPopulation.scoreOf(count(orders.below(f)), count(orders.at(f)), n);
        long m = buckets.keyOf(net);
        int mScore = RfmPopulation.scoreOf(count(monetary.below(m)), count(monetary.at(m)), n);
        return RfmScore.of(rScore, fScore, mScore);
    }

    private static int count(long customers) {
        return Math.toIntExact(customers);
    }

    @Override
    public long size() {
        return buyers;
    }

    /** Customers with a profile. */
    public long profiles() {
        return profiles;
    }

    /** Customers per class, per definition key. */
    public Map<String, Map<String, Long>> classSizes() {
        return classSizes;
    }

    /** Customers in a class of a definition (0 when none). */
    public long sizeOf(String key, String className) {
        return classSizes.getOrDefault(key, Map.of()).getOrDefault(className, 0L);
    }

    /** Sorted distinct values with the customers below each: counts below and at a value in O(log n). */
    private static final class Counts {
        private final long[] values;
        private final long[] below;
        private final long total;

        Counts(SortedMap<Long, Long> counts) {
            values = new long[counts.size()];
            below = new long[counts.size() + 1];
            int i = 0;
            long running = 0;
            for (Map.Entry<Long, Long> entry : counts.entrySet()) {
                values[i] = entry.getKey();
                below[i] = running;
                running += entry.getValue();
                i++;
            }
            below[i] = running;
            total = running;
        }

        long total() {
            return total;
        }

        /** Customers with a value lower than {@code value}. */
        long below(long value) {
            int at = Arrays.binarySearch(values, value);
            return below[at >= 0 ? at : -at - 1];
        }

        /** Customers with exactly {@code value}. */
        long at(long value) {
            int at = Arrays.binarySearch(values, value);
            return at >= 0 ? below[at + 1] - below[at] : 0;
        }
    }
}
