package io.segstream.segmentation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The share (0..1) of one order's line value that went to a category: the input of category-preference figures.
 * Shares rather than amounts, because line prices are in the order's currency while spend is kept in the reporting
 * currency; a share times the order's reporting amount is the category's spend.
 */
public record CategoryShare(String category, BigDecimal share) {
    /** Digits kept of a share: 0.0001 is finer than any preference threshold will be. */
    static final int SHARE_SCALE = 4;

    public CategoryShare {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(share, "share");
    }

    /**
     * The shares of an order's categories from its line totals, largest first, at most {@code limit} of them (the
     * bound on what a profile stores per purchase). Categories with no positive value are left out.
     */
    public static List<CategoryShare> of(Map<String, BigDecimal> lineTotals, int limit) {
        BigDecimal total = lineTotals.values().stream()
                .filter(amount -> amount.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            return List.of();
        }
        return lineTotals.entrySet().stream()
                .filter(entry -> entry.getValue().signum() > 0)
                .map(entry -> new CategoryShare(entry.getKey(),
                        entry.getValue().divide(total, SHARE_SCALE, RoundingMode.HALF_UP)))
                .sorted(Comparator.comparing(CategoryShare::share).reversed()
                        .thenComparing(CategoryShare::category))
                .limit(limit)
                .toList();
    }
}
