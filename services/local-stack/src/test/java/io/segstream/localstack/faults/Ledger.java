package io.segstream.localstack.faults;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fault-injection traffic sent: every distinct event once (eventId -> what it says), and how many sends
 * there were in all (first sends, deliberate duplicates, resends after a failed send). The truth every view is
 * compared with is computed from it ({@link Truth}).
 */
final class Ledger {
    /** A purchase as sent: its payload, and whether it went over HTTP (else Kafka). */
    record SentPurchase(String eventId, String customerId, BigDecimal amount, Instant occurredAt, String region,
                        String channel, boolean http, String json) {
    }

    /** An NPS answer as sent, with the one topic it names. */
    record SentFeedback(String eventId, String customerId, Instant occurredAt, int score, String topic, String json) {
    }

    private final Map<String, SentPurchase> purchases = new ConcurrentHashMap<>();
    private final Map<String, SentFeedback> feedback = new ConcurrentHashMap<>();
    private final List<String> purchaseOrder = new ArrayList<>();
    private final List<String> feedbackOrder = new ArrayList<>();
    final AtomicLong sends = new AtomicLong();
    final AtomicLong deliberateDuplicates = new AtomicLong();
    final AtomicLong crossPathDuplicates = new AtomicLong();
    final AtomicLong kafkaResends = new AtomicLong();
    final AtomicLong httpRetries = new AtomicLong();
    final AtomicLong httpSends = new AtomicLong();

    synchronized void purchase(SentPurchase purchase) {
        if (purchases.putIfAbsent(purchase.eventId(), purchase) == null) {
            purchaseOrder.add(purchase.eventId());
        }
    }

    synchronized void feedback(SentFeedback answer) {
        if (feedback.putIfAbsent(answer.eventId(), answer) == null) {
            feedbackOrder.add(answer.eventId());
        }
    }

    synchronized SentPurchase purchaseAt(int index) {
        return purchases.get(purchaseOrder.get(index));
    }

    synchronized SentFeedback feedbackAt(int index) {
        return feedback.get(feedbackOrder.get(index));
    }

    synchronized int purchaseCount() {
        return purchaseOrder.size();
    }

    synchronized int feedbackCount() {
        return feedbackOrder.size();
    }

    synchronized List<SentPurchase> purchases() {
        return List.copyOf(purchases.values());
    }

    synchronized List<SentFeedback> feedback() {
        return List.copyOf(feedback.values());
    }
}
