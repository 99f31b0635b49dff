package io.segstream.churn.messaging;

import io.segstream.churn.domain.ActivityEvent;
import io.segstream.churn.domain.ActivityOutcome;
import io.segstream.churn.domain.ActivityTracking;
import io.segstream.churn.domain.ConcurrentActivityUpdate;
import io.segstream.contracts.Contracts;
import io.segstream.contracts.Topics;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.runtime.messaging.ContractViolation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes purchases.recorded.v1 and segments.changes.v1 in batches into the customer activity view. One listener
 * for both topics: a customer's purchases and segment changes then land in one batch, one read and one write, and
 * never race each other for the same document. An unusable record is logged (topic, partition, offset, code: never
 * the payload) and counted, not thrown: these recorded topics have no dead-letter topic. Anything thrown is an
 * infrastructure failure and the batch is retried.
 */
@Component
class ActivityListener {
    private static final Logger log = LoggerFactory.getLogger(ActivityListener.class);

    private final ContractDecoder decoder;
    private final ActivityTracking tracking;
    private final ChurnMetrics metrics;

    ActivityListener(ContractDecoder decoder, ActivityTracking tracking, ChurnMetrics metrics) {
        this.decoder = decoder;
        this.tracking = tracking;
        this.metrics = metrics;
    }

    @KafkaListener(id = "churn-activity", idIsGroup = false, topics = {Topics.PURCHASES_RECORDED, Topics.SEGMENT_CHANGES})
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<ActivityEvent> events = new ArrayList<>(records.size());
        List<String> topics = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ActivityEvent event = translate(record);
                metrics.consumed(record.topic());
                if (event != null) {
                    events.add(event);
                    topics.add(record.topic());
                }
            } catch (ContractViolation violation) {
                log.warn("skipped an unusable record of {} partition {} offset {}: {}", record.topic(),
                        record.partition(), record.offset(), violation.code());
                metrics.rejected(record.topic(), violation.code());
            }
        }
        List<ActivityOutcome> outcomes;
        try {
            outcomes = tracking.record(events);
        } catch (ConcurrentActivityUpdate e) {
            log.warn("customer activity changed concurrently ({}); the batch is retried", e.getMessage());
            throw e;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case DUPLICATE -> metrics.duplicate(topics.get(i));
                case TOO_LATE -> metrics.late(topics.get(i));
                case APPLIED -> { }
            }
        }
    }

    /** The event a record carries; null for one the view does not track (an audience change). */
    private ActivityEvent translate(ConsumerRecord<String, byte[]> record) {
        if (Topics.SEGMENT_CHANGES.equals(record.topic())) {
            return ActivityEvents.segment(decoder.decode(Contracts.SEGMENT_CHANGED, record.value()));
        }
        return ActivityEvents.purchase(decoder.decode(Contracts.PURCHASE_RECORDED, record.value()));
    }
}
