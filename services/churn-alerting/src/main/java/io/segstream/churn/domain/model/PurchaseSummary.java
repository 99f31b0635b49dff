package io.segstream.churn.domain.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the BG/NBD model knows of one customer at an as-of instant, in the notation of Fader, Hardie and Lee (2005):
 * <ul>
 *   <li>{@code repeatPurchases} = x, the number of repeat transactions: distinct purchase days minus one (the first
 *       purchase starts the clock and is not counted; several purchases on one day are one transaction, as in the
 *       literature);</li>
 *   <li>{@code timeOfLastPurchase} = t_x, the time of the last purchase measured from the first one (0 when x = 0);</li>
 *   <li>{@code age} = T, the time from the first purchase to the as-of instant.</li>
 * </ul>
 * Both times are in {@code unit}. {@link #silence()} (T - t_x) is what ops call recency: the time since the last purchase.
 */
public record PurchaseSummary(int repeatPurchases, double timeOfLastPurchase, double age, ModelTimeUnit unit) {

    public PurchaseSummary {
        Objects.requireNonNull(unit, "unit");
        if (repeatPurchases < 0) {
            throw new IllegalArgumentException("repeatPurchases must be >= 0");
        }
        if (!(timeOfLastPurchase >= 0) || !(age >= timeOfLastPurchase) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("need 0 <= timeOfLastPurchase <= age < infinity");
        }
        if (repeatPurchases == 0 && timeOfLastPurchase != 0) {
            throw new IllegalArgumentException("a customer without repeat purchases has timeOfLastPurchase 0");
        }
    }

    /**
     * Summarises purchase days as of a day (inclusive): days after {@code asOf} are ignored, so a summary can be built
     * "as of" a past day from replayed history. Empty when no purchase falls on or before {@code asOf}.
     */
    public static Optional<PurchaseSummary> fromPurchaseDays(Collection<LocalDate> purchaseDays, LocalDate asOf,
                                                             ModelTimeUnit unit) {
        TreeSet<LocalDate> distinctDays = new TreeSet<>();
        for (LocalDate day : purchaseDays) {
            if (!day.isAfter(asOf)) {
                distinctDays.add(day);
            }
        }
        if (distinctDays.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = distinctDays.first();
        long lastDays = ChronoUnit.DAYS.between(first, distinctDays.last());
        long ageDays = ChronoUnit.DAYS.between(first, asOf);
        return Optional.of(new PurchaseSummary(distinctDays.size() - 1, unit.fromDays(lastDays), unit.fromDays(ageDays),
                unit));
    }

    /**
     * Summarises purchase instants as of an instant: purchases after {@code asOf} are ignored. Instants are grouped
     * into calendar days of {@code zone} (one transaction per customer-day) and times are whole days between those
     * dates, T running to the day of {@code asOf}.
     */
    public static Optional<PurchaseSummary> fromPurchaseInstants(Collection<Instant> purchases, Instant asOf,
                                                                 ZoneId zone, ModelTimeUnit unit) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Instant purchase : purchases) {
            if (!purchase.isAfter(asOf)) {
                days.add(purchase.atZone(zone).toLocalDate());
            }
        }
        return fromPurchaseDays(days, asOf.atZone(zone).toLocalDate(), unit);
    }

    /** T - t_x: the time since the last purchase (since the first one when there is no repeat purchase). */
    public double silence() {
        return age - timeOfLastPurchase;
    }

    /** Whether the customer bought again after the first purchase (x > 0): only then can the model see a dropout. */
    public boolean repeatBuyer() {
        return repeatPurchases > 0;
    }

    /** The same summary expressed in {@code target}. */
    public PurchaseSummary in(ModelTimeUnit target) {
        if (target == unit) {
            return this;
        }
        return new PurchaseSummary(repeatPurchases, unit.convert(timeOfLastPurchase, target), unit.convert(age, target),
                target);
    }
}
