package io.segstream.purchases;

import io.segstream.purchases.config.IntakeProperties;
import io.segstream.purchases.domain.Intake;
import io.segstream.purchases.store.MongoLedger;

/** The application class wires the service from its configuration, as the real ones do. */
public final class FixturePurchasesApplication {
    public Intake wire(IntakeProperties properties) {
        return new Intake(new MongoLedger(), properties.maxBatchSize());
    }
}
