package io.segstream.purchases.store;

import io.segstream.contracts.fixture.OrderPlaced;
import io.segstream.purchases.domain.Ledger;

import java.util.ArrayList;
import java.util.List;

/** An adapter implementing a domain port, as the rules expect. */
public final class MongoLedger implements Ledger {
    private final List<OrderPlaced> recorded = new ArrayList<>();

    @Override
    public void record(OrderPlaced order) {
        recorded.add(order);
    }
}
