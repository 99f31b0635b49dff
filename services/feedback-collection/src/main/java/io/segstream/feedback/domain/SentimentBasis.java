package io.segstream.feedback.domain;

/** Which part of the feedback decided its sentiment (stored and shown with it). */
public enum SentimentBasis {
    /** No score, no kind leaning and no opinion in the text: NEUTRAL. */
    NO_SIGNAL,
    /** No score and no kind leaning: the text decided. */
    TEXT,
    /** The text expresses no opinion: the score band decided. */
    SCORE,
    /** An unscored kind that leans one way (a complaint, a referral) and a text without opinion. */
    KIND,
    /** Score (or kind) and text point the same way. */
    AGREEMENT,
    /** A middle score (NPS 7-8, 3 of 5): the text tipped it. */
    TEXT_OVER_MIDDLE_SCORE,
    /** Score (or kind) and text point opposite ways: NEUTRAL. */
    CONFLICT
}
