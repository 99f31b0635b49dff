package io.segstream.churn.messaging;

import io.segstream.churn.domain.PurchaseFact;
import io.segstream.churn.domain.PurchaseKind;
import io.segstream.churn.domain.SegmentFact;
import io.segstream.churn.domain.FeedbackFact;
import io.segstream.contracts.Channel;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.contracts.segment.ProfileSnapshot;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.contracts.segment.SegmentKind;
import io.segstream.runtime.messaging.ContractViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityEventsTest {
    private static final Instant AT = Instant.parse("2026-11-20T09:14:03Z");

    @Test
    void aRecordedRefundBecomesASubtractingFactInTheReportingCurrency() {
        PurchaseFact fact = ActivityEvents.purchase(recorded(PurchaseType.REFUND, new BigDecimal("65.43")));

        assertThat(fact.kind()).isEqualTo(PurchaseKind.REFUND);
        assertThat(fact.amount()).isEqualByComparingTo("-65.43");
        assertThat(fact.currency()).isEqualTo("EUR");
        assertThat(fact.occurredAt()).isEqualTo(AT);
    }

    @Test
    void aPurchaseWithoutItsReportingAmountIsAViolationNamingTheField() {
        assertThatThrownBy(() -> ActivityEvents.purchase(recorded(PurchaseType.PURCHASE, null)))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("reportingAmount");
    }

    @Test
    void aDimensionChangeIsTrackedAndAnAudienceChangeIsNot() {
        SegmentFact fact = ActivityEvents.segment(change(SegmentKind.DIMENSION, "value-tier", "MEDIUM", "HIGH"));

        assertThat(fact.key()).isEqualTo("value-tier");
        assertThat(fact.className()).isEqualTo("HIGH");
        assertThat(fact.definitionVersion()).isEqualTo(3);
        assertThat(ActivityEvents.segment(change(SegmentKind.AUDIENCE, "vip", "false", "true"))).isNull();
    }

    @Test
    void aSegmentChangeWithABadCustomerIdIsAViolationThatDoesNotEchoIt() {
        SegmentChanged bad = new SegmentChanged("s1", "C 1/../x", SegmentKind.DIMENSION, "lifecycle", null, "NEW", 1,
                "e1", AT, new ProfileSnapshot(0, 1, BigDecimal.ONE, null));

        assertThatThrownBy(() -> ActivityEvents.segment(bad)).isInstanceOf(ContractViolation.class)
                .hasMessageContaining("customerId").hasMessageNotContaining("../x");
    }

    private static SegmentChanged change(SegmentKind kind, String key, String from, String to) {
        return new SegmentChanged("s1", "C-1", kind, key, from, to, 3, "e1", AT,
                new ProfileSnapshot(4, 2, new BigDecimal("10.00"), null));
    }

    private static PurchaseRecorded recorded(PurchaseType type, BigDecimal reportingAmount) {
        return new PurchaseRecorded("e1", type, "C-1", "SO-1", AT, Channel.ONLINE, null, "CN-SH", "CNY",
                new BigDecimal("500.00"), null, List.of(), "shop", AT.plusSeconds(1), reportingAmount, "EUR");
    }

    private static FeedbackRecorded feedback(FeedbackKind kind, Integer score) {
        return new FeedbackRecorded("f-1", kind, "C-1", AT, score, "delivery took a week", "SO-1", Channel.ONLINE,
                List.of(FeedbackTopic.DELIVERY), kind == FeedbackKind.REFERRAL ? "C-2" : null,
                kind == FeedbackKind.COMPLAINT ? ComplaintSeverity.HIGH : null, "survey-tool", AT,
                Sentiment.NEGATIVE);
    }

    @Test
    void recordedFeedbackKeepsKindScoreSentimentAndSeverityButNeverTheText() {
        FeedbackFact fact = ActivityEvents.feedback(feedback(FeedbackKind.COMPLAINT, null));

        assertThat(fact).isEqualTo(new FeedbackFact("f-1", "C-1", FeedbackKind.COMPLAINT, AT, null,
                Sentiment.NEGATIVE, ComplaintSeverity.HIGH));
        assertThat(fact.toString()).doesNotContain("delivery took a week");
    }

    @Test
    void aReferralIsNotTrackedAndAScoreOutOfRangeIsAViolation() {
        assertThat(ActivityEvents.feedback(feedback(FeedbackKind.REFERRAL, null))).isNull();
        assertThatThrownBy(() -> ActivityEvents.feedback(feedback(FeedbackKind.NPS_SURVEY, 11)))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("score");
    }
}
