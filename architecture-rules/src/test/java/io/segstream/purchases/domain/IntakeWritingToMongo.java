package io.segstream.purchases.domain;

import io.segstream.contracts.fixture.OrderPlaced;
import io.segstream.purchases.store.MongoLedger;

/** A domain class that links its store instead of a port: what the domain rule (and the cycle rule) must refuse. */
public final class IntakeWritingToMongo {
    private final MongoLedger ledger = new MongoLedger();

    public void take(OrderPlaced order) {
        ledger.record(order);
    }
}
