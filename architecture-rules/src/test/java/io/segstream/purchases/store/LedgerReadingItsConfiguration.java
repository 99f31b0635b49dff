package io.segstream.purchases.store;

import io.segstream.purchases.config.IntakeProperties;

/** A store class that reads the service's configuration itself: what the config rule must refuse. */
public final class LedgerReadingItsConfiguration {
    public int batchSize(IntakeProperties properties) {
        return properties.maxBatchSize();
    }
}
