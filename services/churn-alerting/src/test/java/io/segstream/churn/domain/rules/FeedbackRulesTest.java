package io.segstream.churn.domain.rules;

import io.segstream.churn.domain.CustomerActivity;
import io.segstream.churn.domain.FeedbackFact;
import io.segstream.contracts.churn.ChurnReason;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.segstream.churn.domain.rules.RuleFixtures.NOW;
import static io.segstream.churn.domain.rules.RuleFixtures.POLICY;
import static io.segstream.churn.domain.rules.RuleFixtures.RULES;
import static org.assertj.core.api.Assertions.assertThat;

class FeedbackRulesTest {
    private int ids;

    private void feedback(CustomerActivity customer, FeedbackKind kind, long daysAgo, Integer score,
                          Sentiment sentiment, ComplaintSeverity severity) {
        customer.apply(new FeedbackFact("f" + ids++, customer.customerId(), kind, NOW.minus(Duration.ofDays(daysAgo)),
                score, sentiment, severity), POLICY);
    }

    private static List<ChurnReason> reasons(CustomerActivity customer) {
        return RULES.evaluate(customer, NOW, Optional.empty()).stream().map(RuleFinding::reason).toList();
    }

    @Test
    void aDetractorsLatestSurveyCountsUntilABetterAnswer() {
        CustomerActivity customer = RuleFixtures.boughtDaysAgo(5);
        feedback(customer, FeedbackKind.NPS_SURVEY, 20, 6, null, null);
        assertThat(reasons(customer)).contains(ChurnReason.DETRACTOR_FEEDBACK);

        feedback(customer, FeedbackKind.NPS_SURVEY, 10, 9, null, null);
        assertThat(reasons(customer)).doesNotContain(ChurnReason.DETRACTOR_FEEDBACK);

        CustomerActivity unhappy = RuleFixtures.boughtDaysAgo(5);
        feedback(unhappy, FeedbackKind.CSAT_SURVEY, 3, 2, null, null);
        assertThat(reasons(unhappy)).contains(ChurnReason.DETRACTOR_FEEDBACK);

        CustomerActivity stale = RuleFixtures.boughtDaysAgo(5);
        feedback(stale, FeedbackKind.NPS_SURVEY, 120, 0, null, null);
        assertThat(reasons(stale)).doesNotContain(ChurnReason.DETRACTOR_FEEDBACK);
    }

    @Test
    void aLowOrNegativeReviewIsANegativeReview() {
        CustomerActivity low = RuleFixtures.boughtDaysAgo(5);
        feedback(low, FeedbackKind.REVIEW, 3, 2, null, null);
        CustomerActivity negative = RuleFixtures.boughtDaysAgo(5);
        feedback(negative, FeedbackKind.REVIEW, 3, 4, Sentiment.NEGATIVE, null);
        CustomerActivity good = RuleFixtures.boughtDaysAgo(5);
        feedback(good, FeedbackKind.REVIEW, 3, 4, Sentiment.POSITIVE, null);

        assertThat(reasons(low)).contains(ChurnReason.NEGATIVE_REVIEW);
        assertThat(reasons(negative)).contains(ChurnReason.NEGATIVE_REVIEW);
        assertThat(reasons(good)).doesNotContain(ChurnReason.NEGATIVE_REVIEW);
    }

    @Test
    void recentComplaintsAreOpenAndSeveralAreRepeated() {
        CustomerActivity once = RuleFixtures.boughtDaysAgo(5);
        feedback(once, FeedbackKind.COMPLAINT, 10, null, Sentiment.NEGATIVE, ComplaintSeverity.MEDIUM);
        assertThat(reasons(once)).contains(ChurnReason.OPEN_COMPLAINTS)
                .doesNotContain(ChurnReason.REPEATED_COMPLAINTS);

        CustomerActivity repeated = RuleFixtures.boughtDaysAgo(5);
        feedback(repeated, FeedbackKind.COMPLAINT, 100, null, null, ComplaintSeverity.LOW);
        feedback(repeated, FeedbackKind.SUPPORT_TICKET, 60, null, null, ComplaintSeverity.HIGH);
        assertThat(reasons(repeated)).contains(ChurnReason.REPEATED_COMPLAINTS)
                .doesNotContain(ChurnReason.OPEN_COMPLAINTS);

        CustomerActivity question = RuleFixtures.boughtDaysAgo(5);
        feedback(question, FeedbackKind.SUPPORT_TICKET, 3, null, Sentiment.NEUTRAL, ComplaintSeverity.LOW);
        assertThat(reasons(question)).isEmpty();
    }

    @Test
    void feedbackIsIdempotentAndBounded() {
        CustomerActivity customer = RuleFixtures.boughtDaysAgo(5);
        FeedbackFact fact = new FeedbackFact("dup", customer.customerId(), FeedbackKind.COMPLAINT, NOW, null, null,
                null);
        assertThat(customer.apply(fact, POLICY)).isEqualTo(io.segstream.churn.domain.ActivityOutcome.APPLIED);
        assertThat(customer.apply(fact, POLICY)).isEqualTo(io.segstream.churn.domain.ActivityOutcome.DUPLICATE);
        for (int i = 0; i < 150; i++) {
            feedback(customer, FeedbackKind.REVIEW, 1 + i % 50, 5, null, null);
        }
        assertThat(customer.feedback()).hasSize(POLICY.maxFeedback());
        assertThat(customer.feedback().get(customer.feedback().size() - 1).eventId()).isEqualTo("dup");
    }
}
