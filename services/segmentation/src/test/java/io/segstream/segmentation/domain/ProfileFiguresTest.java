package io.segstream.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.segstream.segmentation.domain.PurchaseFactMother.CATALOGUE;
import static io.segstream.segmentation.domain.PurchaseFactMother.NOW;
import static io.segstream.segmentation.domain.PurchaseFactMother.UNBOUNDED;
import static io.segstream.segmentation.domain.PurchaseFactMother.daysBefore;
import static io.segstream.segmentation.domain.PurchaseFactMother.refund;
import static org.assertj.core.api.Assertions.assertThat;

/** The behaviour and feedback figures, derived from the stored facts as of an instant. */
class ProfileFiguresTest {
    private static final String CUSTOMER = "C-1";
    private final CustomerProfile profile = CustomerProfile.newCustomer(CUSTOMER);

    private static PurchaseFact bought(String id, long daysAgo, String amount, String channel, String region,
                                       String discountShare, CategoryShare... categories) {
        return new PurchaseFact(id, CUSTOMER, PurchaseKind.PURCHASE, daysBefore(NOW, daysAgo), new BigDecimal(amount),
                "CNY", channel, region, List.of(categories), discountShare == null ? null : new BigDecimal(discountShare));
    }

    private static FeedbackFact said(String id, FeedbackKind kind, long daysAgo, Integer score, String sentiment,
                                     String... topics) {
        return new FeedbackFact(id, CUSTOMER, kind, daysBefore(NOW, daysAgo), score, sentiment, List.of(topics));
    }

    private static CategoryShare share(String category, String share) {
        return new CategoryShare(category, new BigDecimal(share));
    }

    @Test
    void windowsGapsSharesDiscountsAndRegionsComeFromTheFacts() {
        profile.apply(bought("p1", 400, "100.00", "STORE", "CN-SH", "0", share("formula", "1")), NOW, UNBOUNDED,
                CATALOGUE);
        profile.apply(bought("p2", 200, "300.00", "ONLINE", "CN-BJ", "0.2000", share("formula", "0.5"),
                share("toys", "0.5")), NOW, UNBOUNDED, CATALOGUE);
        profile.apply(bought("p3", 60, "100.00", "ONLINE", "CN-BJ", null, share("toys", "1")), NOW, UNBOUNDED,
                CATALOGUE);
        profile.apply(bought("p4", 10, "100.00", "ONLINE", "CN-BJ", "0.1000", share("formula", "1")), NOW, UNBOUNDED,
                CATALOGUE);
        profile.apply(refund(CUSTOMER, "r1", daysBefore(NOW, 5), "50.00"), NOW, UNBOUNDED, CATALOGUE);

        PurchaseBehaviour figures = profile.figures(NOW, UNBOUNDED).behaviour();

        assertThat(figures.monetary365d()).isEqualByComparingTo("450.00");
        assertThat(figures.purchases30d()).isEqualTo(1);
        assertThat(figures.purchases90d()).isEqualTo(2);
        assertThat(figures.purchases365d()).isEqualTo(3);
        assertThat(figures.averageOrderValue()).isEqualByComparingTo("137.50");
        // Gaps 200, 140, 50: mean (400 - 10) / 3, median 140, last 50.
        assertThat(figures.meanGapDays()).isEqualTo(130.0);
        assertThat(figures.medianGapDays()).isEqualTo(140.0);
        assertThat(figures.lastGapDays()).isEqualTo(50);
        // Spend per category: formula 100 + 150 + 100 = 350, toys 150 + 100 = 250.
        assertThat(figures.categoryShares()).containsEntry("formula", 0.5833).containsEntry("toys", 0.4167);
        assertThat(figures.topCategory()).isEqualTo("formula");
        assertThat(figures.channelShares()).containsEntry("ONLINE", 0.75).containsEntry("STORE", 0.25);
        assertThat(figures.topChannel()).isEqualTo("ONLINE");
        // 3 orders with a known discount, 2 of them discounted, by 20% and 10%.
        assertThat(figures.discountedOrderShare()).isEqualTo(0.6667);
        assertThat(figures.discountDepth()).isEqualTo(0.15);
        assertThat(figures.regions()).containsExactly("CN-BJ", "CN-SH");
        assertThat(figures.topRegion()).isEqualTo("CN-BJ");
    }

    @Test
    void theWindowsMoveWithTheAsOfInstant() {
        profile.apply(bought("p1", 20, "100.00", "STORE", "CN-SH", null), NOW, UNBOUNDED, CATALOGUE);

        assertThat(profile.figures(NOW, UNBOUNDED).behaviour().purchases30d()).isEqualTo(1);
        PurchaseBehaviour later = profile.figures(NOW.plus(Duration.ofDays(10)), UNBOUNDED).behaviour();
        assertThat(later.purchases30d()).isZero();
        assertThat(later.purchases90d()).isEqualTo(1);
        assertThat(profile.figures(NOW.plus(Duration.ofDays(400)), UNBOUNDED).behaviour().monetary365d())
                .isEqualByComparingTo("0");
    }

    @Test
    void gapsStayExactAcrossFoldedHistory() {
        ProfilePolicy keepTwo = new ProfilePolicy(ZoneOffset.UTC, 2, Duration.ofDays(100_000), 20);
        for (long daysAgo : new long[] {100, 70, 30, 10}) {
            profile.apply(bought("p" + daysAgo, daysAgo, "10.00", "STORE", "CN-SH", null), NOW, keepTwo, CATALOGUE);
        }

        PurchaseBehaviour figures = profile.figures(NOW, keepTwo).behaviour();

        assertThat(profile.purchases()).hasSize(2);
        assertThat(figures.meanGapDays()).isEqualTo(30.0);
        // The kept gaps: 70 -> 30 bridged from the folded history, and 30 -> 10.
        assertThat(figures.medianGapDays()).isEqualTo(30.0);
        assertThat(figures.lastGapDays()).isEqualTo(20);
    }

    @Test
    void aCustomerWithoutPurchasesHasEmptyBehaviour() {
        profile.apply(said("f1", FeedbackKind.REFERRAL, 1, null, null), NOW, UNBOUNDED, CATALOGUE);

        ProfileFigures figures = profile.figures(NOW, UNBOUNDED);

        assertThat(figures.behaviour().averageOrderValue()).isEqualByComparingTo("0");
        assertThat(figures.behaviour().meanGapDays()).isNull();
        assertThat(figures.behaviour().topCategory()).isNull();
        assertThat(figures.feedback().referralsMade()).isEqualTo(1);
        assertThat(profile.currentClass("lifecycle")).hasValueSatisfying(c ->
                assertThat(c.className()).isEqualTo("PROSPECT"));
    }

    @Test
    void feedbackFiguresTakeTheLatestByEventTimeNotByArrival() {
        profile.apply(said("n2", FeedbackKind.NPS_SURVEY, 5, 3, "NEGATIVE", "DELIVERY"), NOW, UNBOUNDED, CATALOGUE);
        profile.apply(said("n1", FeedbackKind.NPS_SURVEY, 50, 9, "POSITIVE"), NOW, UNBOUNDED, CATALOGUE);
        profile.apply(said("c1", FeedbackKind.CSAT_SURVEY, 3, 4, "POSITIVE", "SERVICE"), NOW, UNBOUNDED, CATALOGUE);
        profile.apply(said("k1", FeedbackKind.COMPLAINT, 10, null, "NEGATIVE", "DELIVERY", "PRICE"), NOW, UNBOUNDED,
                CATALOGUE);
        profile.apply(said("k2", FeedbackKind.COMPLAINT, 200, null, "NEGATIVE", "QUALITY"), NOW, UNBOUNDED,
                CATALOGUE);
        profile.apply(said("v1", FeedbackKind.REVIEW, 20, 5, "POSITIVE"), NOW, UNBOUNDED, CATALOGUE);
        profile.apply(said("v2", FeedbackKind.REVIEW, 15, 2, "NEGATIVE"), NOW, UNBOUNDED, CATALOGUE);
        profile.apply(said("v3", FeedbackKind.REVIEW, 12, 3, "NEGATIVE"), NOW, UNBOUNDED, CATALOGUE);

        FeedbackFigures figures = profile.figures(NOW, UNBOUNDED).feedback();

        assertThat(figures.npsLatest()).isEqualTo(3);
        assertThat(figures.npsAverage()).isEqualTo(6.0);
        assertThat(figures.npsResponses()).isEqualTo(2);
        assertThat(figures.csatLatest()).isEqualTo(4);
        assertThat(figures.csatAverage()).isEqualTo(4.0);
        assertThat(figures.complaints()).isEqualTo(2);
        assertThat(figures.complaintsRecent()).isEqualTo(1);
        assertThat(figures.reviews()).isEqualTo(3);
        assertThat(figures.reviewSentiment()).isEqualTo(-1.0 / 3);
        assertThat(figures.topicCounts()).containsEntry("DELIVERY", 2L).containsEntry("PRICE", 1L)
                .containsEntry("QUALITY", 1L).containsEntry("SERVICE", 1L);
        assertThat(figures.topTopic()).isEqualTo("DELIVERY");
        assertThat(figures.referralsMade()).isZero();
    }

    @Test
    void redeliveredFeedbackChangesNothingAndFoldedFeedbackKeepsExactTotals() {
        ProfilePolicy keepTwo = new ProfilePolicy(ZoneOffset.UTC, 1000, Duration.ofDays(1000), 20, 2, 90);
        FeedbackFact first = said("n1", FeedbackKind.NPS_SURVEY, 30, 10, "POSITIVE", "QUALITY");
        profile.apply(first, NOW, keepTwo, CATALOGUE);
        profile.apply(said("n2", FeedbackKind.NPS_SURVEY, 20, 6, "NEUTRAL"), NOW, keepTwo, CATALOGUE);
        profile.apply(said("n3", FeedbackKind.NPS_SURVEY, 10, 2, "NEGATIVE", "QUALITY"), NOW, keepTwo, CATALOGUE);

        assertThat(profile.apply(said("n3", FeedbackKind.NPS_SURVEY, 10, 2, "NEGATIVE"), NOW, keepTwo, CATALOGUE)
                .outcome()).isEqualTo(PurchaseOutcome.DUPLICATE);
        assertThat(profile.apply(first, NOW, keepTwo, CATALOGUE).outcome()).isEqualTo(PurchaseOutcome.TOO_LATE);
        assertThat(profile.feedback()).hasSize(2);
        FeedbackFigures figures = profile.figures(NOW, keepTwo).feedback();
        assertThat(figures.npsAverage()).isEqualTo(6.0);
        assertThat(figures.npsLatest()).isEqualTo(2);
        assertThat(figures.topicCounts()).containsEntry("QUALITY", 2L);
    }

    @Test
    void feedbackOfAnotherCustomerIsRefused() {
        FeedbackFact other = new FeedbackFact("x", "C-2", FeedbackKind.REVIEW, Instant.EPOCH, 5, null, List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> profile.apply(other, NOW, UNBOUNDED, CATALOGUE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
