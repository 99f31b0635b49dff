package io.segstream.segmentation.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a profile keeps of one recorded piece of feedback: never its free text (personal data), nor the id of a
 * referred customer (only that a referral was made).
 *
 * @param score     the survey or review score (NPS 0-10, CSAT and reviews 1-5), or null
 * @param sentiment POSITIVE, NEUTRAL or NEGATIVE as derived by feedback-collection, or null
 * @param topics    the feedback's topics (PRICE, QUALITY, SERVICE, DELIVERY, PRODUCT_RANGE, OTHER)
 */
public record FeedbackFact(String eventId, String customerId, FeedbackKind kind, Instant occurredAt, Integer score,
                           String sentiment, List<String> topics) implements CustomerFact {

    /** Event-time order; the event id breaks ties so that the order never depends on arrival. */
    public static final Comparator<FeedbackFact> EVENT_TIME_ORDER =
            Comparator.comparing(FeedbackFact::occurredAt).thenComparing(FeedbackFact::eventId);

    public FeedbackFact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
