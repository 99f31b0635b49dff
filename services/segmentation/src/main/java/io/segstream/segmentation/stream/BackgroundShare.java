package io.segstream.segmentation.stream;

/**
 * How much of its stream thread an instance's background work (sweeps, re-evaluations, re-scoring) may take while
 * records are arriving, shared by the instance's tasks. Each task's slice is small, but the tasks' slices of one round
 * can take longer than the round's interval, and a punctuation runs between records: without a bound, a re-evaluation
 * or a sweep of many customers left records a few per round and queued them for minutes. While no record has arrived
 * for a while the background work runs unbounded.
 *
 * <p>A credit of thread time accrues at {@code share} of the wall clock; each slice spends what it took. Times are
 * the stream's own clock (the punctuation's wall clock, so a test driver's clock moves it) for the accrual and the
 * slice's measured duration for the spending.
 */
final class BackgroundShare {
    private final double share;
    private final long idleAfterMs;
    private final long creditLimitMs;
    private long lastRecordAt = Long.MIN_VALUE;
    private long creditAt = Long.MIN_VALUE;
    private double creditMs;

    /**
     * @param share    the fraction of the wall clock background work may take while records arrive; 1 or more: no bound
     * @param interval how often tasks do background work: records are "arriving" while the last came within two of
     *                 them, and the credit neither saves nor owes more than one
     */
    BackgroundShare(double share, java.time.Duration interval) {
        if (!(share > 0)) {
            throw new IllegalArgumentException("the background share is a positive fraction, not " + share);
        }
        this.share = share;
        this.idleAfterMs = 2 * interval.toMillis();
        this.creditLimitMs = Math.max(1, interval.toMillis());
    }

    synchronized void recordArrived(long nowMs) {
        lastRecordAt = nowMs;
    }

    /** Whether a task may do a slice of background work now. */
    synchronized boolean mayWork(long nowMs) {
        accrue(nowMs);
        return share >= 1 || !recordsArriving(nowMs) || creditMs > 0;
    }

    /** A slice of background work that started at {@code nowMs} took {@code tookMs} of the thread. */
    synchronized void worked(long nowMs, double tookMs) {
        accrue(nowMs);
        // Work done while idle owes nothing: records arriving later must not wait for it to be paid back.
        creditMs = recordsArriving(nowMs) ? Math.max(-creditLimitMs, creditMs - tookMs) : 0;
    }

    private boolean recordsArriving(long nowMs) {
        return lastRecordAt != Long.MIN_VALUE && nowMs - lastRecordAt <= idleAfterMs;
    }

    private void accrue(long nowMs) {
        if (creditAt != Long.MIN_VALUE && nowMs > creditAt) {
            creditMs = Math.min(creditLimitMs, creditMs + share * (nowMs - creditAt));
        }
        creditAt = Math.max(creditAt, nowMs);
    }
}
