package io.segstream.feedback.domain;

/** The NPS class of a 0-10 answer to "how likely are you to recommend us". */
public enum NpsCategory {
    DETRACTOR, PASSIVE, PROMOTER;

    public static NpsCategory of(int score) {
        if (score <= ScoreBand.NPS_DETRACTOR_MAX) {
            return DETRACTOR;
        }
        return score >= ScoreBand.NPS_PROMOTER_MIN ? PROMOTER : PASSIVE;
    }
}
