package io.segstream.runtime.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings every service shares, under {@code segstream.runtime}.
 *
 * @param eventSource          the ce_source of the events this service publishes
 * @param maxRequestSize       largest HTTP request body accepted by a single-item endpoint
 * @param maxBatchRequestSize  largest HTTP request body accepted by a /batch endpoint
 * @param maxMessageSize       largest incoming Kafka payload accepted; larger ones are dead-lettered
 * @param kafkaSendTimeout     how long a synchronous publish (dead letter, outbox relay) waits for the broker
 * @param healthTimeout        how long a health check waits for Kafka before reporting DOWN
 * @param retryInitialInterval first wait before a failed batch is retried (infrastructure failures only)
 * @param retryMaxInterval     longest wait between retries of a failed batch; retries never give up
 */
@ConfigurationProperties("segstream.runtime")
public record RuntimeProperties(
        @DefaultValue("/segstream/unknown") String eventSource,
        @DefaultValue("256KB") DataSize maxRequestSize,
        @DefaultValue("8MB") DataSize maxBatchRequestSize,
        @DefaultValue("256KB") DataSize maxMessageSize,
        @DefaultValue("10s") Duration kafkaSendTimeout,
        @DefaultValue("3s") Duration healthTimeout,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval) {
}
