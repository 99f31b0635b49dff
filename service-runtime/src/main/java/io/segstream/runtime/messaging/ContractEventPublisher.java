package io.segstream.runtime.messaging;

import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.EventContract;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes contract events as JSON with their CloudEvents attributes in Kafka headers (binary content mode),
 * keyed by customer id so that one customer's events stay in order on one partition.
 */
public class ContractEventPublisher {
    private final KafkaTemplate<String, byte[]> template;
    private final String source;

    /** @param source the ce_source of this service, for example "/segstream/purchase-ingestion" */
    public ContractEventPublisher(KafkaTemplate<String, byte[]> template, String source) {
        this.template = template;
        this.source = source;
    }

    /**
     * Sends one event; the future completes when the broker has acknowledged it (acks=all), so a caller that
     * waits for it knows the event is durable before it marks its own outbox entry as published.
     */
    public <T> CompletableFuture<SendResult<String, byte[]>> publish(EventContract<T> contract, String key,
                                                                     String eventId, Instant time, T payload) {
        return template.send(record(contract, key, eventId, time, payload));
    }

    public <T> ProducerRecord<String, byte[]> record(EventContract<T> contract, String key, String eventId,
                                                     Instant time, T payload) {
        byte[] value = ContractJson.mapper().writeValueAsBytes(payload);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(contract.topic(), key, value);
        Headers headers = record.headers();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE));
        headers.add(CloudEventHeaders.ID, bytes(eventId));
        headers.add(CloudEventHeaders.SOURCE, bytes(source));
        headers.add(CloudEventHeaders.TYPE, bytes(contract.ceType()));
        headers.add(CloudEventHeaders.TIME, bytes(time.toString()));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        return record;
    }

    public String source() {
        return source;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
