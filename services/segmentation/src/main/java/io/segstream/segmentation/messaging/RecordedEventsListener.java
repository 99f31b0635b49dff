package io.segstream.segmentation.messaging;

import io.segstream.contracts.Contracts;
import io.segstream.contracts.Topics;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.runtime.erasure.ErasedCustomers;
import io.segstream.runtime.messaging.ContractViolation;
import io.segstream.segmentation.domain.BatchResult;
import io.segstream.segmentation.domain.ConcurrentProfileUpdate;
import io.segstream.segmentation.domain.CustomerFact;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.Segmentation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Consumes purchases.recorded.v1 and feedback.recorded.v1 in one batch listener: decode, translate, one call into the
 * domain. One listener for both topics, so that a customer's purchases and feedback of one poll are applied in one
 * read and one write of the profile and never race each other. A record that is not a usable event is logged (topic, partition, offset, code: never the payload) and counted, not thrown: a recorded
 * topic has no dead-letter topic (purchase-ingestion validated it already; a bad one here is a bug upstream to find
 * by its offset). Anything thrown is an infrastructure failure and the batch is retried.
 *
 * <p>Erased customers (service-runtime's tombstones, one query per batch): an event that occurred at or before the
 * customer's erasure (a redelivery, a replay, a late arrival) is dropped and counted in
 * {@code segstream.erasure.suppressed}; a later one starts a fresh profile, as for a new customer.
 */
@Component
class RecordedEventsListener {
    private static final Logger log = LoggerFactory.getLogger(RecordedEventsListener.class);

    private final ContractDecoder decoder;
    private final Segmentation segmentation;
    private final SegmentationMetrics metrics;
    private final EvaluationClock clock;
    private final int maxCategories;
    private final ErasedCustomers erasedCustomers;

    RecordedEventsListener(ContractDecoder decoder, Segmentation segmentation, SegmentationMetrics metrics,
                           EvaluationClock clock, ProfilePolicy policy, ErasedCustomers erasedCustomers) {
        this.erasedCustomers = erasedCustomers;
        this.decoder = decoder;
        this.segmentation = segmentation;
        this.metrics = metrics;
        this.clock = clock;
        this.maxCategories = policy.maxCategoriesPerPurchase();
    }

    /** idIsGroup = false: the consumer group is spring.kafka.consumer.group-id (the service name), not the id. */
    @KafkaListener(id = "segmentation-recorded-events", idIsGroup = false,
            topics = {Topics.PURCHASES_RECORDED, Topics.FEEDBACK_RECORDED})
    void onRecordedEvents(List<ConsumerRecord<String, byte[]>> records) {
        long started = System.nanoTime();
        List<CustomerFact> facts = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                facts.add(fact(record));
            } catch (ContractViolation violation) {
                log.warn("skipped an unusable record of {} partition {} offset {}: {}", record.topic(),
                        record.partition(), record.offset(), violation.code());
                metrics.rejected(violation.code());
            }
        }
        List<CustomerFact> kept = withoutErasedHistory(facts);
        BatchResult result;
        try {
            kept.forEach(fact -> clock.observe(fact.occurredAt()));
            result = segmentation.apply(kept, clock.now());
        } catch (ConcurrentProfileUpdate e) {
            log.warn("profiles changed concurrently ({}); the batch is retried", e.getMessage());
            throw e;
        }
        metrics.batch(result, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The facts minus those of erased customers that occurred at or before their erasure (counted, not logged). */
    private List<CustomerFact> withoutErasedHistory(List<CustomerFact> facts) {
        if (facts.isEmpty()) {
            return facts;
        }
        Map<String, Instant> erased = erasedCustomers.erasedAmong(
                facts.stream().map(CustomerFact::customerId).distinct().toList());
        if (erased.isEmpty()) {
            return facts;
        }
        List<CustomerFact> kept = facts.stream()
                .filter(fact -> !ErasedCustomers.suppresses(erased, fact.customerId(), fact.occurredAt()))
                .toList();
        if (kept.size() < facts.size()) {
            erasedCustomers.countSuppressed(facts.size() - kept.size());
        }
        return kept;
    }

    private CustomerFact fact(ConsumerRecord<String, byte[]> record) {
        if (Topics.FEEDBACK_RECORDED.equals(record.topic())) {
            FeedbackRecorded event = decoder.decode(Contracts.FEEDBACK_RECORDED, record.value());
            return FeedbackFacts.from(event);
        }
        PurchaseRecorded event = decoder.decode(Contracts.PURCHASE_RECORDED, record.value());
        return PurchaseFacts.from(event, maxCategories);
    }
}
