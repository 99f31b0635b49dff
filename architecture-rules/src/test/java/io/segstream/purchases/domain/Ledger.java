package io.segstream.purchases.domain;

import io.segstream.contracts.fixture.OrderPlaced;

/** A port: what the intake needs from outside, implemented by the store. */
public interface Ledger {
    void record(OrderPlaced order);
}
