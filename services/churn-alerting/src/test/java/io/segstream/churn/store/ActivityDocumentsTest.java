package io.segstream.churn.store;

import io.segstream.churn.domain.ActivityPolicy;
import io.segstream.churn.domain.CustomerActivity;
import io.segstream.churn.domain.FeedbackFact;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.churn.domain.PurchaseFact;
import io.segstream.churn.domain.PurchaseKind;
import io.segstream.churn.domain.SegmentFact;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityDocumentsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00.123456789Z");
    private static final ActivityPolicy KEEP_ONE = new ActivityPolicy(ZoneOffset.UTC, 1, Duration.ofDays(400), 2, 5, 100);

    @Test
    void anActivitySurvivesTheRoundTripWithExactTimesAndAmounts() {
        CustomerActivity activity = CustomerActivity.newCustomer("C-1");
        for (int day = 30; day >= 10; day -= 10) {
            activity.apply(new PurchaseFact("p" + day, "C-1", PurchaseKind.PURCHASE,
                    NOW.minus(Duration.ofDays(day)), new BigDecimal("12.34"), "CNY"), KEEP_ONE);
        }
        activity.apply(new PurchaseFact("r1", "C-1", PurchaseKind.REFUND, NOW, new BigDecimal("-2.34"), "CNY"),
                KEEP_ONE);
        activity.apply(new SegmentFact("s1", "C-1", "lifecycle", "ACTIVE", 1, NOW), KEEP_ONE);
        Document document = ActivityDocuments.toDocument(activity, activity.figures(KEEP_ONE)).append("version", 4L);

        CustomerActivity restored = ActivityDocuments.toActivity(document);

        assertThat(restored.version()).isEqualTo(4);
        assertThat(restored.purchases()).isEqualTo(activity.purchases());
        assertThat(restored.earlier()).isEqualTo(activity.earlier());
        assertThat(restored.purchaseDays()).containsExactlyElementsOf(activity.purchaseDays());
        assertThat(restored.droppedPurchaseDays()).isEqualTo(1);
        assertThat(restored.segments()).containsExactlyElementsOf(activity.segments());
        assertThat(restored.segmentChangeIds()).containsExactly("s1");
        assertThat(restored.figures(KEEP_ONE)).isEqualTo(activity.figures(KEEP_ONE));
        assertThat(document.get("lastPurchaseAt", Date.class)).isEqualTo(Date.from(NOW.minus(Duration.ofDays(10))));
        assertThat(document.get("purchaseDayCount", Long.class)).isEqualTo(3);
    }

    @Test
    void feedbackSurvivesTheRoundTripWithoutAnyText() {
        CustomerActivity activity = CustomerActivity.newCustomer("C-1");
        activity.apply(new FeedbackFact("f1", "C-1", FeedbackKind.COMPLAINT, NOW, null, Sentiment.NEGATIVE,
                ComplaintSeverity.HIGH), KEEP_ONE);
        activity.apply(new FeedbackFact("f2", "C-1", FeedbackKind.NPS_SURVEY, NOW.minusSeconds(60), 3, null, null),
                KEEP_ONE);
        Document document = ActivityDocuments.toDocument(activity, activity.figures(KEEP_ONE)).append("version", 1L);

        CustomerActivity restored = ActivityDocuments.toActivity(document);

        assertThat(restored.feedback()).containsExactlyElementsOf(activity.feedback());
        assertThat(document.getList("feedback", Document.class)).allSatisfy(fact ->
                assertThat(fact.keySet()).containsExactlyInAnyOrder("eventId", "kind", "occurredAt", "score",
                        "sentiment", "severity"));
    }
}
