package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentDecisionProperties {

    @Provide
    Arbitrary<FeedbackKind> scoredKinds() {
        return Arbitraries.of(java.util.Arrays.stream(FeedbackKind.values()).filter(FeedbackKind::isScored).toList());
    }

    private static int inScale(FeedbackKind kind, int score) {
        return Math.max(kind.minScore(), Math.min(kind.maxScore(), score));
    }

    @Property
    void aHigherScoreNeverGivesALowerSentiment(@ForAll("scoredKinds") FeedbackKind kind, @ForAll Sentiment text,
                                               @ForAll @IntRange(max = 10) int a, @ForAll @IntRange(max = 10) int b) {
        // Generated inside the kind's scale (clamping keeps the order), not filtered: filtering rejected so many
        // tries that jqwik gave up on some seeds.
        int low = inScale(kind, Math.min(a, b));
        int high = inScale(kind, Math.max(a, b));
        assertThat(rank(SentimentDecision.of(kind, high, text).sentiment()))
                .isGreaterThanOrEqualTo(rank(SentimentDecision.of(kind, low, text).sentiment()));
    }

    @Property
    void aMorePositiveTextNeverGivesALowerSentiment(@ForAll FeedbackKind kind, @ForAll @IntRange(max = 10) int score,
                                                    @ForAll Sentiment lower, @ForAll Sentiment higher) {
        Assume.that(rank(lower) <= rank(higher));
        Integer given = kind.isScored() ? Math.max(kind.minScore(), Math.min(kind.maxScore(), score)) : null;
        assertThat(rank(SentimentDecision.of(kind, given, higher).sentiment()))
                .isGreaterThanOrEqualTo(rank(SentimentDecision.of(kind, given, lower).sentiment()));
    }

    @Property
    void aTextWithoutOpinionLeavesTheScoreBand(@ForAll("scoredKinds") FeedbackKind kind,
                                               @ForAll @IntRange(max = 10) int generated) {
        int score = inScale(kind, generated);
        SentimentDecision decision = SentimentDecision.of(kind, score, Sentiment.NEUTRAL);
        assertThat(decision.sentiment()).isEqualTo(ScoreBand.of(kind, score));
        assertThat(decision.basis()).isEqualTo(SentimentBasis.SCORE);
    }

    @Property
    void npsClassesFollowTheNpsDefinition(@ForAll @IntRange(max = 10) int score) {
        NpsCategory category = NpsCategory.of(score);
        assertThat(category).isEqualTo(score >= 9 ? NpsCategory.PROMOTER
                : score >= 7 ? NpsCategory.PASSIVE : NpsCategory.DETRACTOR);
    }

    @Test
    void theRuleCaseByCase() {
        assertThat(SentimentDecision.of(FeedbackKind.SUPPORT_TICKET, null, Sentiment.NEUTRAL))
                .isEqualTo(new SentimentDecision(Sentiment.NEUTRAL, SentimentBasis.NO_SIGNAL));
        assertThat(SentimentDecision.of(FeedbackKind.SUPPORT_TICKET, null, Sentiment.NEGATIVE))
                .isEqualTo(new SentimentDecision(Sentiment.NEGATIVE, SentimentBasis.TEXT));
        assertThat(SentimentDecision.of(FeedbackKind.COMPLAINT, null, Sentiment.NEUTRAL))
                .isEqualTo(new SentimentDecision(Sentiment.NEGATIVE, SentimentBasis.KIND));
        assertThat(SentimentDecision.of(FeedbackKind.REFERRAL, null, Sentiment.NEUTRAL))
                .isEqualTo(new SentimentDecision(Sentiment.POSITIVE, SentimentBasis.KIND));
        assertThat(SentimentDecision.of(FeedbackKind.COMPLAINT, null, Sentiment.POSITIVE))
                .isEqualTo(new SentimentDecision(Sentiment.NEUTRAL, SentimentBasis.CONFLICT));
        assertThat(SentimentDecision.of(FeedbackKind.NPS_SURVEY, 8, Sentiment.POSITIVE))
                .isEqualTo(new SentimentDecision(Sentiment.POSITIVE, SentimentBasis.TEXT_OVER_MIDDLE_SCORE));
        assertThat(SentimentDecision.of(FeedbackKind.NPS_SURVEY, 3, Sentiment.NEGATIVE))
                .isEqualTo(new SentimentDecision(Sentiment.NEGATIVE, SentimentBasis.AGREEMENT));
        assertThat(SentimentDecision.of(FeedbackKind.NPS_SURVEY, 10, Sentiment.NEGATIVE))
                .isEqualTo(new SentimentDecision(Sentiment.NEUTRAL, SentimentBasis.CONFLICT));
        assertThat(SentimentDecision.of(FeedbackKind.CSAT_SURVEY, 2, Sentiment.NEUTRAL))
                .isEqualTo(new SentimentDecision(Sentiment.NEGATIVE, SentimentBasis.SCORE));
    }

    private static int rank(Sentiment sentiment) {
        return switch (sentiment) {
            case NEGATIVE -> -1;
            case NEUTRAL -> 0;
            case POSITIVE -> 1;
        };
    }
}
