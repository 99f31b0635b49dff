package io.segstream.feedback.domain;

import java.time.Instant;
import java.util.List;

/**
 * Port: the durable record of feedback, keyed by eventId, and the queries on it. Recording also publishes
 * feedback.recorded.v1 without dual-write loss (the adapter uses the outbox: the record is the pending message).
 */
public interface FeedbackLedger {
    /**
     * Records feedback whose eventId is not recorded yet, in one bulk write, and publishes it.
     *
     * @return one result per item, in order
     * @throws StoreUnavailableException when MongoDB did not take the write
     */
    List<Recording> record(List<RecordedFeedback> feedback);

    /** One page of a customer's feedback, newest first (by occurredAt, then eventId). */
    FeedbackPage ofCustomer(String customerId, int page, int size);

    /** NPS answers that occurred in [from, to), counted per channel. */
    List<ChannelNpsTally> npsTallies(Instant from, Instant to);
}
