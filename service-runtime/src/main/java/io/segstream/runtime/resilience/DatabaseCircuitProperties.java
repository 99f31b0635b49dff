package io.segstream.runtime.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The MongoDB circuit breaker, under {@code segstream.resilience.mongo}.
 *
 * @param enabled              false: no breaker, no probe, no fast 503s (consumers still retry with backoff)
 * @param probeInterval        how often a ping checks MongoDB (the breaker also learns from every listener batch)
 * @param probeTimeout         how long one ping may take before it counts as a failure
 * @param windowSize           the breaker judges the failure rate over this many last outcomes
 * @param minimumCalls         outcomes needed before the breaker may open
 * @param failureRateThreshold percentage of failed outcomes that opens the breaker
 * @param openWait             how long the breaker stays open before one trial ping (half-open)
 */
@ConfigurationProperties("segstream.resilience.mongo")
public record DatabaseCircuitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration probeInterval,
        @DefaultValue("3s") Duration probeTimeout,
        @DefaultValue("5") int windowSize,
        @DefaultValue("3") int minimumCalls,
        @DefaultValue("60") float failureRateThreshold,
        @DefaultValue("10s") Duration openWait) {
}
