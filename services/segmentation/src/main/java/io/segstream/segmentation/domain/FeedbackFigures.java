package io.segstream.segmentation.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer's feedback figures as of an instant, from the kept feedback facts plus the folded totals. "Latest" is
 * by event time, so a late survey answer does not overwrite a newer one.
 *
 * @param npsLatest          the latest NPS score (0-10), or null
 * @param npsAverage         mean NPS score, or null without answers
 * @param csatLatest         the latest CSAT score (1-5), or null
 * @param csatAverage        mean CSAT score, or null
 * @param complaints         complaints ever made
 * @param complaintsRecent   complaints within {@link ProfilePolicy#recentFeedbackWindow()} of the as-of instant
 * @param reviews            reviews written
 * @param reviewSentiment    mean review sentiment, POSITIVE = 1, NEUTRAL = 0, NEGATIVE = -1; null without reviews
 * @param topicCounts        how often each topic was raised (needs focus), by topic
 * @param topTopic           the topic raised most often (ties: alphabetical), or null
 * @param referralsMade      referrals of other customers
 */
public record FeedbackFigures(Integer npsLatest, Double npsAverage, long npsResponses, Integer csatLatest,
                              Double csatAverage, long csatResponses, long complaints, long complaintsRecent,
                              long supportTickets, long reviews, Double reviewSentiment,
                              Map<String, Long> topicCounts, String topTopic, long referralsMade) {

    public static final FeedbackFigures NONE = of(List.of(), EarlierFeedback.NONE, Instant.EPOCH, 1);

    public FeedbackFigures {
        topicCounts = topicCounts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(topicCounts));
    }

    static FeedbackFigures of(List<FeedbackFact> kept, EarlierFeedback earlier, Instant asOf, int recentDays) {
        EarlierFeedback totals = earlier;
        long complaintsRecent = 0;
        for (FeedbackFact fact : kept) {
            totals = totals.plus(fact);
            long age = ChronoUnit.DAYS.between(fact.occurredAt(), asOf);
            if (fact.kind() == FeedbackKind.COMPLAINT && age < recentDays) {
                complaintsRecent++;
            }
        }
        // Most raised topic; ties go to the alphabetically first (the map is sorted), never to arrival order.
        String topTopic = null;
        for (Map.Entry<String, Long> topic : totals.topicCounts().entrySet()) {
            if (topTopic == null || topic.getValue() > totals.topicCounts().get(topTopic)) {
                topTopic = topic.getKey();
            }
        }
        return new FeedbackFigures(totals.npsLatest(), mean(totals.npsSum(), totals.npsResponses()),
                totals.npsResponses(), totals.csatLatest(), mean(totals.csatSum(), totals.csatResponses()),
                totals.csatResponses(), totals.complaints(), complaintsRecent, totals.supportTickets(),
                totals.reviews(), mean(totals.reviewSentimentSum(), totals.reviews()), totals.topicCounts(),
                topTopic, totals.referrals());
    }

    static int sentimentValue(FeedbackFact fact) {
        if (fact.sentiment() == null) {
            return 0;
        }
        return switch (fact.sentiment()) {
            case "POSITIVE" -> 1;
            case "NEGATIVE" -> -1;
            default -> 0;
        };
    }

    private static Double mean(long sum, long count) {
        return count == 0 ? null : (double) sum / count;
    }
}
