package io.segstream.churn.messaging;

import io.segstream.churn.domain.ActivityEvent;
import io.segstream.churn.domain.ActivityOutcome;
import io.segstream.churn.domain.ActivityTracking;
import io.segstream.churn.domain.ConcurrentActivityUpdate;
import io.segstream.churn.domain.alerts.AlertClock;
import io.segstream.churn.domain.alerts.Alerting;
import java.util.LinkedHashSet;
import java.util.Set;
import io.segstream.contracts.Topics;
import io.segstream.contracts.erasure.ErasureCutoff;
import io.segstream.contracts.registry.Contracts;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.runtime.erasure.ErasedCustomers;
import io.segstream.runtime.messaging.ContractViolation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consumes purchases.recorded.v1, segments.changes.v1 and feedback.recorded.v1 in batches into the customer activity
 * view. One listener for all three: a customer's purchases, segment changes and feedback then land in one batch,
 * one read and one write, and never race each other for the same document. An unusable record is logged (topic,
 * partition, offset, code: never the payload) and counted, not thrown: these recorded topics have no dead-letter
 * topic. Anything thrown is an infrastructure failure and the batch is retried.
 *
 * <p>Erased customers: an event of a customer erased at or after the moment it occurred (a redelivery, a replay, a
 * late arrival) is dropped and counted ({@code segstream.erasure.suppressed}), never stored nor dead-lettered; one
 * that occurred after her erasure starts a fresh history, as for a new customer. One tombstone query per batch.
 */
@Component
class ActivityListener {
    private static final Logger log = LoggerFactory.getLogger(ActivityListener.class);

    private final ContractDecoder decoder;
    private final ActivityTracking tracking;
    private final ChurnMetrics metrics;
    private final Alerting alerting;
    private final AlertClock alertClock;
    private final AlertMetrics alertMetrics;
    private final ErasedCustomers erasedCustomers;

    ActivityListener(ContractDecoder decoder, ActivityTracking tracking, ChurnMetrics metrics, Alerting alerting,
                     AlertClock alertClock, AlertMetrics alertMetrics, ErasedCustomers erasedCustomers) {
        this.decoder = decoder;
        this.erasedCustomers = erasedCustomers;
        this.tracking = tracking;
        this.metrics = metrics;
        this.alerting = alerting;
        this.alertClock = alertClock;
        this.alertMetrics = alertMetrics;
    }

    @KafkaListener(id = "churn-activity", idIsGroup = false, topics = {Topics.PURCHASES_RECORDED, Topics.SEGMENT_CHANGES,
            Topics.FEEDBACK_RECORDED})
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
        dropErased(events, topics);
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
        reviewAlerts(events, outcomes);
    }

    /** Removes (in place) the events of erased customers that occurred at or before their erasure; counts them. */
    private void dropErased(List<ActivityEvent> events, List<String> topics) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Instant> erased = erasedCustomers.erasedAmong(
                events.stream().map(ActivityEvent::customerId).distinct().toList());
        if (erased.isEmpty()) {
            return;
        }
        int suppressed = 0;
        for (int i = events.size() - 1; i >= 0; i--) {
            ActivityEvent event = events.get(i);
            if (ErasureCutoff.suppresses(erased, event.customerId(), event.occurredAt())) {
                events.remove(i);
                topics.remove(i);
                suppressed++;
            }
        }
        if (suppressed > 0) {
            erasedCustomers.countSuppressed(suppressed);
        }
    }

    /**
     * Reviews the alerts of the customers whose activity changed (a purchase resolves an open alert as a win-back; a
     * refund, a segment change or feedback can raise or escalate one), after moving the event-time clock. A
     * redelivery changes no activity and so no alert. A failure is thrown: the batch is retried, and messages already
     * written stay pending for the relay.
     */
    private void reviewAlerts(List<ActivityEvent> events, List<ActivityOutcome> outcomes) {
        Set<String> changed = new LinkedHashSet<>();
        for (int i = 0; i < outcomes.size(); i++) {
            alertClock.observe(events.get(i).occurredAt());
            if (outcomes.get(i) == ActivityOutcome.APPLIED) {
                changed.add(events.get(i).customerId());
            }
        }
        if (!changed.isEmpty()) {
            alertClock.now().ifPresent(now -> alertMetrics.changed(alerting.review(changed, now)));
        }
    }

    /** The event a record carries; null for one the view does not track (an audience change, a referral). */
    private ActivityEvent translate(ConsumerRecord<String, byte[]> record) {
        if (Topics.SEGMENT_CHANGES.equals(record.topic())) {
            return ActivityEvents.segment(decoder.decode(Contracts.SEGMENT_CHANGED, record.value()));
        }
        if (Topics.FEEDBACK_RECORDED.equals(record.topic())) {
            return ActivityEvents.feedback(decoder.decode(Contracts.FEEDBACK_RECORDED, record.value()));
        }
        return ActivityEvents.purchase(decoder.decode(Contracts.PURCHASE_RECORDED, record.value()));
    }
}
