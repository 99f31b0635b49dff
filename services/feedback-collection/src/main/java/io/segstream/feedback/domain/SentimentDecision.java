package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;

/**
 * How score and text combine into one sentiment. The score is the customer's own rating, the text explains it;
 * for unscored kinds a complaint leans negative and a referral positive (a support ticket leans nowhere).
 * <ol>
 *   <li>No leaning (no score, support ticket): the text decides ({@link SentimentBasis#TEXT}), NEUTRAL without
 *   an opinion ({@link SentimentBasis#NO_SIGNAL}).</li>
 *   <li>The text has no opinion: the leaning decides ({@link SentimentBasis#SCORE} / {@link SentimentBasis#KIND}).</li>
 *   <li>Middle score (NPS 7-8, 3 of 5): the text decides ({@link SentimentBasis#TEXT_OVER_MIDDLE_SCORE}).</li>
 *   <li>Both point the same way: that way ({@link SentimentBasis#AGREEMENT}).</li>
 *   <li>They point opposite ways (a 9 with "terrible service", a complaint saying thanks): NEUTRAL
 *   ({@link SentimentBasis#CONFLICT}); neither side is trusted over the other.</li>
 * </ol>
 * So the result never moves against the score: a higher score never gives a lower sentiment, nor a more positive
 * text (both are property-tested).
 */
public record SentimentDecision(Sentiment sentiment, SentimentBasis basis) {

    public static SentimentDecision of(FeedbackKind kind, Integer score, Sentiment text) {
        Sentiment fromScore = ScoreBand.of(kind, score);
        Sentiment leaning = fromScore != null ? fromScore : kindLeaning(kind);
        if (leaning == null) {
            return text == Sentiment.NEUTRAL
                    ? new SentimentDecision(Sentiment.NEUTRAL, SentimentBasis.NO_SIGNAL)
                    : new SentimentDecision(text, SentimentBasis.TEXT);
        }
        if (text == Sentiment.NEUTRAL) {
            return new SentimentDecision(leaning, fromScore != null ? SentimentBasis.SCORE : SentimentBasis.KIND);
        }
        if (leaning == Sentiment.NEUTRAL) {
            return new SentimentDecision(text, SentimentBasis.TEXT_OVER_MIDDLE_SCORE);
        }
        return leaning == text ? new SentimentDecision(text, SentimentBasis.AGREEMENT)
                : new SentimentDecision(Sentiment.NEUTRAL, SentimentBasis.CONFLICT);
    }

    /** Unscored kinds that lean: a complaint is negative unless its text says otherwise, a referral positive. */
    static Sentiment kindLeaning(FeedbackKind kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case COMPLAINT -> Sentiment.NEGATIVE;
            case REFERRAL -> Sentiment.POSITIVE;
            default -> null;
        };
    }
}
