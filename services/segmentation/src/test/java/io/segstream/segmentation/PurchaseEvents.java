package io.segstream.segmentation;

import io.segstream.contracts.Channel;
import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.contracts.registry.Contracts;
import io.segstream.embedded.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Recorded purchases as purchase-ingestion publishes them (JSON + CloudEvents headers), sent with a plain producer:
 * the test talks to the service only through the topic.
 */
public final class PurchaseEvents implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    public static PurchaseRecorded purchase(String customerId, String eventId, Instant at, String reportingAmount) {
        return new PurchaseRecorded(eventId, PurchaseType.PURCHASE, customerId, "SO-" + eventId, at, Channel.STORE,
                "SH-017", "CN-SH", "CNY", new BigDecimal(reportingAmount), BigDecimal.ZERO,
                List.of(new LineItem("MILK-ORG-900", "infant-formula/organic", 1, new BigDecimal(reportingAmount))),
                "pos-shanghai", at.plusSeconds(1), new BigDecimal(reportingAmount), "CNY");
    }

    /** Sends the events in order and waits until the broker has them. */
    public void send(PurchaseRecorded... events) {
        for (PurchaseRecorded event : events) {
            sendRaw(event.customerId(), event.eventId(), ContractJson.mapper().writeValueAsBytes(event));
        }
    }

    /** A purchase bought with a discount of {@code discount} off the list price (total is what was paid). */
    public static PurchaseRecorded discounted(String customerId, String eventId, Instant at, String total,
                                              String discount) {
        return new PurchaseRecorded(eventId, PurchaseType.PURCHASE, customerId, "SO-" + eventId, at, Channel.ONLINE,
                null, "CN-BJ", "CNY", new BigDecimal(total), new BigDecimal(discount),
                List.of(new LineItem("MILK-STD-900", "infant-formula/standard", 1, new BigDecimal(total))),
                "web-shop", at.plusSeconds(1), new BigDecimal(total), "CNY");
    }

    /** Recorded feedback as feedback-collection publishes it, free text included (the service must drop it). */
    public static FeedbackRecorded feedback(String customerId, String eventId, FeedbackKind kind, Instant at,
                                            Integer score, Sentiment sentiment, FeedbackTopic... topics) {
        return new FeedbackRecorded(eventId, kind, customerId, at, score, "delivery took a week", null,
                Channel.ONLINE, List.of(topics), null, null, "survey-tool", at.plusSeconds(1), sentiment);
    }

    /** Sends recorded feedback in order and waits until the broker has it. */
    public void send(FeedbackRecorded... events) {
        for (FeedbackRecorded event : events) {
            send(Contracts.FEEDBACK_RECORDED.topic(), Contracts.FEEDBACK_RECORDED.ceType(), event.customerId(),
                    event.eventId(), ContractJson.mapper().writeValueAsBytes(event));
        }
    }

    /** Sends any bytes as if they were a recorded purchase. */
    public void sendRaw(String key, String eventId, byte[] value) {
        send(Contracts.PURCHASE_RECORDED.topic(), Contracts.PURCHASE_RECORDED.ceType(), key, eventId, value);
    }

    private void send(String topic, String ceType, String key, String eventId, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE));
        record.headers().add(CloudEventHeaders.ID, bytes(eventId));
        record.headers().add(CloudEventHeaders.SOURCE, bytes("/segstream/purchase-ingestion"));
        record.headers().add(CloudEventHeaders.TYPE, bytes(ceType));
        record.headers().add(CloudEventHeaders.TIME, bytes(Instant.now().toString()));
        record.headers().add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the test broker refused a record", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
