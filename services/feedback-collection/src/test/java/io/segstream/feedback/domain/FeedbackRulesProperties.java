package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackLimits;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static io.segstream.feedback.domain.FeedbackMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class FeedbackRulesProperties {
    private final FeedbackRules rules = new FeedbackRules(FeedbackRulesTest.LIMITS);

    @Property
    void aScoreIsAcceptedExactlyWhenItIsInItsKindsRange(@ForAll FeedbackKind kind,
                                                        @ForAll @IntRange(min = -5, max = 15) int score) {
        FeedbackSubmitted feedback = new FeedbackMother.Builder().kind(kind).score(score).text("fine")
                .referredCustomerId(kind == FeedbackKind.REFERRAL ? "C-2" : null).build();
        String code = rules.check(feedback, NOW).map(Rejection::code).orElse(null);
        if (!kind.isScored()) {
            assertThat(code).isEqualTo(RejectionCodes.SCORE_NOT_ALLOWED);
        } else if (score < kind.minScore() || score > kind.maxScore()) {
            assertThat(code).isEqualTo(RejectionCodes.SCORE_OUT_OF_RANGE);
        } else {
            assertThat(code).isNull();
        }
    }

    @Property
    void aReferralIsRefusedExactlyWhenItNamesItsOwnCustomer(@ForAll("ids") String referrer, @ForAll("ids") String referred) {
        FeedbackSubmitted feedback = FeedbackMother.referral(referred).customerId(referrer).build();
        String code = rules.check(feedback, NOW).map(Rejection::code).orElse(null);
        assertThat(code).isEqualTo(referrer.equals(referred) ? RejectionCodes.SELF_REFERRAL : null);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.of("C-1", "C-2", "C-10023", "cust:7");
    }

    @Property
    void textUpToTheLimitPassesAndLongerIsRefused(@ForAll @IntRange(min = -20, max = 20) int beyondTheLimit) {
        int length = FeedbackLimits.MAX_TEXT_LENGTH + beyondTheLimit;
        FeedbackSubmitted feedback = FeedbackMother.nps(7).text("好".repeat(length)).build();
        String code = rules.check(feedback, NOW).map(Rejection::code).orElse(null);
        assertThat(code).isEqualTo(length > FeedbackLimits.MAX_TEXT_LENGTH ? RejectionCodes.TEXT_TOO_LONG : null);
    }
}
