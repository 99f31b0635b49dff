package io.segstream.segmentation.domain;

/**
 * What one time-based sweep did.
 *
 * @param customers the customers re-evaluated (every due one is written: its planned instant moves on)
 * @param changes   the class changes published
 */
public record SweepSummary(long customers, long changes) {
    public static final SweepSummary NOTHING = new SweepSummary(0, 0);
}
