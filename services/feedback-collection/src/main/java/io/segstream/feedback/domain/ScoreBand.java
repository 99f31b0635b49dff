package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;

/**
 * Where a score sits on its kind's scale: NPS 0-6 detractor (negative), 7-8 passive (middle), 9-10 promoter
 * (positive); on 1-5 scales (CSAT, reviews) 1-2 negative, 3 middle, 4-5 positive.
 */
public final class ScoreBand {
    /** Highest NPS score of a detractor. */
    static final int NPS_DETRACTOR_MAX = 6;
    /** Lowest NPS score of a promoter. */
    static final int NPS_PROMOTER_MIN = 9;
    /** On a 1-5 scale, the middle score; below is negative, above positive. */
    static final int FIVE_POINT_MIDDLE = 3;

    private ScoreBand() {
    }

    /** The sentiment a score alone expresses, or null when the kind has no score or none was given. */
    public static Sentiment of(FeedbackKind kind, Integer score) {
        if (kind == null || !kind.isScored() || score == null) {
            return null;
        }
        if (kind == FeedbackKind.NPS_SURVEY) {
            return switch (NpsCategory.of(score)) {
                case DETRACTOR -> Sentiment.NEGATIVE;
                case PASSIVE -> Sentiment.NEUTRAL;
                case PROMOTER -> Sentiment.POSITIVE;
            };
        }
        return score < FIVE_POINT_MIDDLE ? Sentiment.NEGATIVE
                : score == FIVE_POINT_MIDDLE ? Sentiment.NEUTRAL : Sentiment.POSITIVE;
    }
}
