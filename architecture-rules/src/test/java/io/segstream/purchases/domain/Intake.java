package io.segstream.purchases.domain;

import io.segstream.contracts.fixture.OrderPlaced;

import java.util.Objects;

/** A domain class as the rules expect one: the JDK, the contracts and its own port. */
public final class Intake {
    private final Ledger ledger;
    private final int maxBatchSize;

    public Intake(Ledger ledger, int maxBatchSize) {
        this.ledger = Objects.requireNonNull(ledger);
        this.maxBatchSize = maxBatchSize;
    }

    public void take(OrderPlaced order) {
        ledger.record(order);
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }
}
