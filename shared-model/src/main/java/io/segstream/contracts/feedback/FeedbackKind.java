package io.segstream.contracts.feedback;

/** What kind of feedback; the score range depends on it (NPS 0-10, CSAT and reviews 1-5, others none). */
public enum FeedbackKind {
    NPS_SURVEY(0, 10), CSAT_SURVEY(1, 5), REVIEW(1, 5), COMPLAINT(null, null), SUPPORT_TICKET(null, null),
    REFERRAL(null, null);

    private final Integer minScore;
    private final Integer maxScore;

    FeedbackKind(Integer minScore, Integer maxScore) {
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    public boolean isScored() {
        return minScore != null;
    }

    public Integer minScore() {
        return minScore;
    }

    public Integer maxScore() {
        return maxScore;
    }
}
