package io.segstream.segmentation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The purchase-behaviour figures beyond recency, frequency and monetary value, as of an instant. Windowed figures
 * and shares come from the purchases a profile keeps one by one (at least {@code profile.history-horizon} before the
 * newest, unless a customer has more than {@code profile.max-purchases} of them); gap mean is all-time and exact.
 *
 * @param monetary365d          net spend (refunds subtracted) in the 365 days up to the as-of day
 * @param purchases30d          orders in the 30 days up to the as-of day (likewise 90 and 365)
 * @param averageOrderValue     net spend / orders, all-time; zero without orders
 * @param meanGapDays           mean days between consecutive purchase days, all-time; null under two purchase days
 * @param medianGapDays         median of the kept gaps; null under two purchase days
 * @param lastGapDays           days between the last two purchase days; null under two purchase days
 * @param categoryShares        share (0..1) of kept purchase spend per category
 * @param channelShares         share (0..1) of kept orders per channel
 * @param discountedOrderShare  share (0..1) of kept orders bought with a discount
 * @param discountDepth         mean discount share of the discounted orders (0 without any)
 * @param regions               the regions bought in, most orders first
 */
public record PurchaseBehaviour(BigDecimal monetary365d, long purchases30d, long purchases90d, long purchases365d,
                                BigDecimal averageOrderValue, Double meanGapDays, Double medianGapDays,
                                Long lastGapDays, Map<String, Double> categoryShares, String topCategory,
                                Map<String, Double> channelShares, String topChannel, double discountedOrderShare,
                                double discountDepth, List<String> regions, String topRegion) {
    /** Digits kept of shares and averages: finer than any threshold a definition uses. */
    private static final int SCALE = 4;
    private static final int MONTH = 30;
    private static final int QUARTER = 90;
    private static final int YEAR = 365;

    public static final PurchaseBehaviour NONE = new PurchaseBehaviour(BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO,
            null, null, null, Map.of(), null, Map.of(), null, 0, 0, List.of(), null);

    public PurchaseBehaviour {
        categoryShares = Collections.unmodifiableMap(new TreeMap<>(categoryShares));
        channelShares = Collections.unmodifiableMap(new TreeMap<>(channelShares));
        regions = List.copyOf(regions);
    }

    static PurchaseBehaviour of(List<PurchaseFact> kept, EarlierHistory earlier, long orders, BigDecimal monetary,
                                Instant asOf, ProfilePolicy policy) {
        LocalDate today = policy.dayOf(asOf);
        BigDecimal monetary365d = BigDecimal.ZERO;
        long in30 = 0;
        long in90 = 0;
        long in365 = 0;
        TreeSet<LocalDate> days = new TreeSet<>();
        Map<String, BigDecimal> categorySpend = new TreeMap<>();
        Map<String, Long> channelOrders = new TreeMap<>();
        Map<String, Long> regionOrders = new TreeMap<>();
        long keptOrders = 0;
        long withKnownDiscount = 0;
        long discounted = 0;
        BigDecimal discountSum = BigDecimal.ZERO;
        for (PurchaseFact fact : kept) {
            long age = ChronoUnit.DAYS.between(policy.dayOf(fact.occurredAt()), today);
            if (age < YEAR) {
                monetary365d = monetary365d.add(fact.amount());
            }
            if (!fact.isPurchase()) {
                continue;
            }
            keptOrders++;
            in30 += age < MONTH ? 1 : 0;
            in90 += age < QUARTER ? 1 : 0;
            in365 += age < YEAR ? 1 : 0;
            days.add(policy.dayOf(fact.occurredAt()));
            for (CategoryShare share : fact.categories()) {
                categorySpend.merge(share.category(), share.share().multiply(fact.amount()), BigDecimal::add);
            }
            if (fact.channel() != null) {
                channelOrders.merge(fact.channel(), 1L, Long::sum);
            }
            if (fact.region() != null) {
                regionOrders.merge(fact.region(), 1L, Long::sum);
            }
            if (fact.discountShare() != null) {
                withKnownDiscount++;
                if (fact.discountShare().signum() > 0) {
                    discounted++;
                    discountSum = discountSum.add(fact.discountShare());
                }
            }
        }
        List<Long> gaps = gaps(earlier, days, policy);
        long purchaseDays = earlier.purchaseDays() + days.size();
        Double meanGap = null;
        Double medianGap = null;
        Long lastGap = null;
        if (purchaseDays >= 2) {
            LocalDate first = earlier.firstPurchaseAt() != null ? policy.dayOf(earlier.firstPurchaseAt()) : days.first();
            LocalDate last = days.isEmpty() ? policy.dayOf(earlier.lastPurchaseAt()) : days.last();
            meanGap = round((double) ChronoUnit.DAYS.between(first, last) / (purchaseDays - 1));
        }
        if (!gaps.isEmpty()) {
            List<Long> sorted = new ArrayList<>(gaps);
            Collections.sort(sorted);
            int middle = sorted.size() / 2;
            medianGap = sorted.size() % 2 == 1 ? sorted.get(middle)
                    : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
            lastGap = gaps.get(gaps.size() - 1);
        }
        Map<String, Double> categoryShares = shares(categorySpend);
        Map<String, Double> channelShares = shares(toDecimal(channelOrders));
        List<String> regions = regionOrders.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        return new PurchaseBehaviour(monetary365d, in30, in90, in365,
                orders == 0 ? BigDecimal.ZERO : monetary.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP),
                meanGap, medianGap, lastGap, categoryShares, top(categoryShares), channelShares, top(channelShares),
                withKnownDiscount == 0 ? 0 : round((double) discounted / withKnownDiscount),
                discounted == 0 ? 0 : discountSum.divide(BigDecimal.valueOf(discounted), SCALE, RoundingMode.HALF_UP)
                        .doubleValue(),
                regions, regions.isEmpty() ? null : regions.get(0));
    }

    /**
     * Gaps between consecutive purchase days, oldest first. Folded days all lie before the kept ones, so the first
     * gap bridges from the last folded purchase day.
     */
    private static List<Long> gaps(EarlierHistory earlier, TreeSet<LocalDate> days, ProfilePolicy policy) {
        List<Long> gaps = new ArrayList<>();
        LocalDate previous = earlier.lastPurchaseAt() == null ? null : policy.dayOf(earlier.lastPurchaseAt());
        for (LocalDate day : days) {
            if (previous != null) {
                gaps.add(ChronoUnit.DAYS.between(previous, day));
            }
            previous = day;
        }
        return gaps;
    }

    private static Map<String, BigDecimal> toDecimal(Map<String, Long> counts) {
        Map<String, BigDecimal> decimals = new TreeMap<>();
        counts.forEach((key, count) -> decimals.put(key, BigDecimal.valueOf(count)));
        return decimals;
    }

    private static Map<String, Double> shares(Map<String, BigDecimal> amounts) {
        BigDecimal total = amounts.values().stream().filter(a -> a.signum() > 0).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        Map<String, Double> shares = new TreeMap<>();
        if (total.signum() == 0) {
            return shares;
        }
        amounts.forEach((key, amount) -> {
            if (amount.signum() > 0) {
                shares.put(key, amount.divide(total, SCALE, RoundingMode.HALF_UP).doubleValue());
            }
        });
        return shares;
    }

    /** The key with the largest share; ties go to the alphabetically first, so the answer never depends on order. */
    private static String top(Map<String, Double> shares) {
        String best = null;
        for (Map.Entry<String, Double> entry : shares.entrySet()) {
            if (best == null || entry.getValue() > shares.get(best)) {
                best = entry.getKey();
            }
        }
        return best;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP).doubleValue();
    }
}
