package io.segstream.churn.domain.model;

import java.time.Duration;

/**
 * The unit in which a BG/NBD model measures time. Every summary and every parameter set carries its unit, so a
 * parameter fitted in weeks is never read as if it were in days: {@code alpha} is a time scale (the purchase rate
 * {@code lambda} is per unit), the other three parameters are dimensionless.
 */
public enum ModelTimeUnit {
    /** One calendar day. */
    DAYS(1),
    /** Seven days: the unit of Fader, Hardie and Lee (2005) and of the published CDNOW estimates. */
    WEEKS(7);

    private static final double SECONDS_PER_DAY = 86_400.0;

    private final int days;

    ModelTimeUnit(int days) {
        this.days = days;
    }

    /** Length of one unit in days. */
    public int days() {
        return days;
    }

    /** A number of days expressed in this unit. */
    public double fromDays(double amountInDays) {
        return amountInDays / days;
    }

    /** A duration expressed in this unit (fractions of a day kept). */
    public double of(Duration duration) {
        return duration.toMillis() / 1000.0 / SECONDS_PER_DAY / days;
    }

    /** An amount of this unit as a duration, rounded to the millisecond. */
    public Duration toDuration(double amount) {
        return Duration.ofMillis(Math.round(amount * days * SECONDS_PER_DAY * 1000.0));
    }

    /** Converts an amount of time in this unit into {@code target}. */
    public double convert(double amount, ModelTimeUnit target) {
        return amount * days / target.days;
    }
}
