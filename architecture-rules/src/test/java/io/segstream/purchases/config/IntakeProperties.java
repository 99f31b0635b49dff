package io.segstream.purchases.config;

/** A service's configuration record. */
public record IntakeProperties(int maxBatchSize) {
}
