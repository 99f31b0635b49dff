package io.segstream.feedback.domain;

import java.time.Instant;

/** The NPS of a period from the ledger's per-channel counts. */
public final class NpsRollup {
    private final FeedbackLedger ledger;

    public NpsRollup(FeedbackLedger ledger) {
        this.ledger = ledger;
    }

    /** NPS answers with occurredAt in [from, to). */
    public NpsReport between(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        return NpsReport.of(from, to, ledger.npsTallies(from, to));
    }
}
