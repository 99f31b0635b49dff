package io.segstream.churn.domain.alerts;

/** A customer's alert history in numbers, summed over customers for the stats endpoint. */
public final class AlertCounts {
    private long raised;
    private long escalated;
    private long resolved;
    private long winBacks;

    public AlertCounts() {
    }

    public AlertCounts(long raised, long escalated, long resolved, long winBacks) {
        this.raised = raised;
        this.escalated = escalated;
        this.resolved = resolved;
        this.winBacks = winBacks;
    }

    void raised() {
        raised++;
    }

    void escalated() {
        escalated++;
    }

    void resolved(boolean winBack) {
        resolved++;
        if (winBack) {
            winBacks++;
        }
    }

    public long raisedCount() {
        return raised;
    }

    public long escalatedCount() {
        return escalated;
    }

    public long resolvedCount() {
        return resolved;
    }

    public long winBackCount() {
        return winBacks;
    }
}
