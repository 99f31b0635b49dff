package io.segstream.segmentation.messaging;

import io.segstream.contracts.Contracts;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.runtime.messaging.ContractViolation;
import io.segstream.segmentation.domain.BatchResult;
import io.segstream.segmentation.domain.ConcurrentProfileUpdate;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.Segmentation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes purchases.recorded.v1 in batches: decode, translate, one call into the domain. A record that is not a
 * usable purchase is logged (topic, partition, offset, code: never the payload) and counted, not thrown: a recorded
 * topic has no dead-letter topic (purchase-ingestion validated it already; a bad one here is a bug upstream to find
 * by its offset). Anything thrown is an infrastructure failure and the batch is retried.
 */
@Component
class PurchaseRecordedListener {
    private static final Logger log = LoggerFactory.getLogger(PurchaseRecordedListener.class);

    private final ContractDecoder decoder;
    private final Segmentation segmentation;
    private final SegmentationMetrics metrics;
    private final EvaluationClock clock;
    private final int maxCategories;

    PurchaseRecordedListener(ContractDecoder decoder, Segmentation segmentation, SegmentationMetrics metrics,
                             EvaluationClock clock, ProfilePolicy policy) {
        this.decoder = decoder;
        this.segmentation = segmentation;
        this.metrics = metrics;
        this.clock = clock;
        this.maxCategories = policy.maxCategoriesPerPurchase();
    }

    @KafkaListener(id = "segmentation-purchases-recorded", idIsGroup = false, topics = Topics.PURCHASES_RECORDED)
    void onPurchasesRecorded(List<ConsumerRecord<String, byte[]>> records) {
        long started = System.nanoTime();
        List<PurchaseFact> facts = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                PurchaseRecorded event = decoder.decode(Contracts.PURCHASE_RECORDED, record.value());
                facts.add(PurchaseFacts.from(event, maxCategories));
            } catch (ContractViolation violation) {
                log.warn("skipped an unusable record of {} partition {} offset {}: {}", record.topic(),
                        record.partition(), record.offset(), violation.code());
                metrics.rejected(violation.code());
            }
        }
        BatchResult result;
        try {
            facts.forEach(fact -> clock.observe(fact.occurredAt()));
            result = segmentation.apply(facts, clock.now());
        } catch (ConcurrentProfileUpdate e) {
            log.warn("profiles changed concurrently ({}); the batch is retried", e.getMessage());
            throw e;
        }
        metrics.batch(result, Duration.ofNanos(System.nanoTime() - started));
    }
}
