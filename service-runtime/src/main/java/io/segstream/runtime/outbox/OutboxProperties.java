package io.segstream.runtime.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the outbox, under {@code segstream.outbox}.
 *
 * @param publishTimeout how long the intake waits for Kafka's acknowledgement of a batch before it leaves the rest to
 *                       the relay (the HTTP answer is then 202). Keep the producer's {@code max.block.ms} at or below it
 *                       so that a send to a broker that is away cannot block longer.
 * @param relayEnabled   whether this instance runs the relay; every instance may (a republish is harmless)
 * @param relayInterval  pause between two relay passes
 * @param gracePeriod    how old an unpublished document must be before the relay republishes it; longer than a normal
 *                       publish takes, so the relay does not race the intake it backs up
 * @param batchSize      most documents republished per pass and collection (a pass repeats while batches are full)
 */
@ConfigurationProperties("segstream.outbox")
public record OutboxProperties(
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("5s") Duration relayInterval,
        @DefaultValue("30s") Duration gracePeriod,
        @DefaultValue("500") int batchSize) {

    public OutboxProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("segstream.outbox.batch-size must be at least 1");
        }
    }
}
