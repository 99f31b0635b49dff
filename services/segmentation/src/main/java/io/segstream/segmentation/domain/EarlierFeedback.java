package io.segstream.segmentation.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feedback a profile no longer keeps one by one, folded into totals (oldest first) so that all-time figures stay
 * exact while the stored facts stay bounded.
 *
 * @param throughAt   event time of the newest folded fact, or null; feedback at or before it is no longer told apart
 *                    from a redelivery and is not applied
 * @param npsLatestAt event time of {@code npsLatest}
 */
public record EarlierFeedback(Instant throughAt, long npsResponses, long npsSum, Integer npsLatest,
                              Instant npsLatestAt, long csatResponses, long csatSum, Integer csatLatest,
                              Instant csatLatestAt, long reviews, long reviewSentimentSum, long complaints,
                              long supportTickets, long referrals, Map<String, Long> topicCounts) {

    public static final EarlierFeedback NONE = new EarlierFeedback(null, 0, 0, null, null, 0, 0, null, null, 0, 0, 0,
            0, 0, Map.of());

    public EarlierFeedback {
        topicCounts = topicCounts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(topicCounts));
    }

    public boolean covers(Instant occurredAt) {
        return throughAt != null && !occurredAt.isAfter(throughAt);
    }

    /** These totals plus one more fact, which is not older than any folded before. */
    EarlierFeedback plus(FeedbackFact fact) {
        Map<String, Long> topics = new TreeMap<>(topicCounts);
        fact.topics().forEach(topic -> topics.merge(topic, 1L, Long::sum));
        boolean nps = fact.kind() == FeedbackKind.NPS_SURVEY && fact.score() != null;
        boolean csat = fact.kind() == FeedbackKind.CSAT_SURVEY && fact.score() != null;
        boolean review = fact.kind() == FeedbackKind.REVIEW;
        return new EarlierFeedback(fact.occurredAt(),
                npsResponses + (nps ? 1 : 0), npsSum + (nps ? fact.score() : 0),
                nps ? fact.score() : npsLatest, nps ? fact.occurredAt() : npsLatestAt,
                csatResponses + (csat ? 1 : 0), csatSum + (csat ? fact.score() : 0),
                csat ? fact.score() : csatLatest, csat ? fact.occurredAt() : csatLatestAt,
                reviews + (review ? 1 : 0), reviewSentimentSum + (review ? FeedbackFigures.sentimentValue(fact) : 0),
                complaints + (fact.kind() == FeedbackKind.COMPLAINT ? 1 : 0),
                supportTickets + (fact.kind() == FeedbackKind.SUPPORT_TICKET ? 1 : 0),
                referrals + (fact.kind() == FeedbackKind.REFERRAL ? 1 : 0), topics);
    }
}
