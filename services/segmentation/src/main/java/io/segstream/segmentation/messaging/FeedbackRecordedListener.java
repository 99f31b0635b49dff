package io.segstream.segmentation.messaging;

import io.segstream.contracts.Contracts;
import io.segstream.contracts.Topics;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.runtime.messaging.ContractViolation;
import io.segstream.segmentation.domain.BatchResult;
import io.segstream.segmentation.domain.ConcurrentProfileUpdate;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.FeedbackFact;
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
 * Consumes feedback.recorded.v1 in batches, like {@link PurchaseRecordedListener}: decode, translate (dropping the
 * free text), one call into the domain. Unusable records are logged by offset and code and skipped.
 */
@Component
class FeedbackRecordedListener {
    private static final Logger log = LoggerFactory.getLogger(FeedbackRecordedListener.class);

    private final ContractDecoder decoder;
    private final Segmentation segmentation;
    private final SegmentationMetrics metrics;
    private final EvaluationClock clock;

    FeedbackRecordedListener(ContractDecoder decoder, Segmentation segmentation, SegmentationMetrics metrics,
                             EvaluationClock clock) {
        this.decoder = decoder;
        this.segmentation = segmentation;
        this.metrics = metrics;
        this.clock = clock;
    }

    @KafkaListener(id = "segmentation-feedback-recorded", idIsGroup = false, topics = Topics.FEEDBACK_RECORDED)
    void onFeedbackRecorded(List<ConsumerRecord<String, byte[]>> records) {
        long started = System.nanoTime();
        List<FeedbackFact> facts = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                FeedbackRecorded event = decoder.decode(Contracts.FEEDBACK_RECORDED, record.value());
                facts.add(FeedbackFacts.from(event));
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
