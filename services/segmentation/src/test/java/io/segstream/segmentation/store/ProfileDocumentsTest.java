package io.segstream.segmentation.store;

import io.segstream.segmentation.domain.CategoryShare;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.FeedbackFact;
import io.segstream.segmentation.domain.FeedbackKind;
import io.segstream.segmentation.domain.LifecycleStage;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import io.segstream.segmentation.domain.SegmentCatalogue;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileDocumentsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00.123456789Z");
    private static final ProfilePolicy KEEP_ONE = new ProfilePolicy(ZoneOffset.UTC, 1, Duration.ofDays(400), 5);
    private static final SegmentCatalogue CATALOGUE = () -> List.of(new LifecycleStage(90, 180));

    @Test
    void aProfileSurvivesTheRoundTripWithExactTimesAndAmounts() {
        CustomerProfile profile = CustomerProfile.newCustomer("C-1");
        profile.apply(fact("e1", PurchaseKind.PURCHASE, NOW.minus(Duration.ofDays(40)), "120.50"), NOW, KEEP_ONE,
                CATALOGUE);
        profile.apply(fact("e2", PurchaseKind.PURCHASE, NOW.minus(Duration.ofDays(3)), "80.25"), NOW, KEEP_ONE,
                CATALOGUE);
        profile.apply(fact("r1", PurchaseKind.REFUND, NOW.minus(Duration.ofDays(2)), "-20.00"), NOW, KEEP_ONE,
                CATALOGUE);
        ProfilePolicy keepOneFeedback = new ProfilePolicy(ZoneOffset.UTC, 1, Duration.ofDays(400), 5, 1, 90);
        profile.apply(new FeedbackFact("f1", "C-1", FeedbackKind.NPS_SURVEY, NOW.minus(Duration.ofDays(9)), 4,
                "NEGATIVE", List.of("PRICE")), NOW, keepOneFeedback, CATALOGUE);
        profile.apply(new FeedbackFact("f2", "C-1", FeedbackKind.REVIEW, NOW.minus(Duration.ofDays(1)), 5,
                "POSITIVE", List.of("QUALITY", "SERVICE")), NOW, keepOneFeedback, CATALOGUE);
        profile.restoreNextReevaluationAt(Instant.parse("2027-01-01T00:00:00Z"));
        Document document = ProfileDocuments.toDocument(profile).append("version", 7L);

        CustomerProfile restored = ProfileDocuments.toProfile(document);

        assertThat(restored.version()).isEqualTo(7);
        assertThat(restored.nextReevaluationAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(restored.purchases()).isEqualTo(profile.purchases());
        assertThat(restored.earlier()).isEqualTo(profile.earlier());
        assertThat(restored.feedback()).isEqualTo(profile.feedback()).hasSize(1);
        assertThat(restored.earlierFeedback()).isEqualTo(profile.earlierFeedback());
        assertThat(restored.earlierFeedback().npsLatest()).isEqualTo(4);
        assertThat(restored.classes()).containsExactlyElementsOf(profile.classes());
        assertThat(restored.reportingCurrency()).isEqualTo("EUR");
        assertThat(restored.figures(NOW, KEEP_ONE)).isEqualTo(profile.figures(NOW, KEEP_ONE));
        assertThat(restored.currentClass("lifecycle").orElseThrow().since()).isEqualTo(NOW.minus(Duration.ofDays(3)));
    }

    private static PurchaseFact fact(String eventId, PurchaseKind kind, Instant at, String amount) {
        return new PurchaseFact(eventId, "C-1", kind, at, new BigDecimal(amount), "EUR", "ONLINE", "CN-BJ",
                List.of(new CategoryShare("toys", new BigDecimal("0.6000")),
                        new CategoryShare("books", new BigDecimal("0.4000"))), new BigDecimal("0.1000"));
    }
}
