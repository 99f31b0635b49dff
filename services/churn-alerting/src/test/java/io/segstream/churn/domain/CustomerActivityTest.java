package io.segstream.churn.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static io.segstream.churn.domain.ActivityMother.NOW;
import static io.segstream.churn.domain.ActivityMother.UNBOUNDED;
import static io.segstream.churn.domain.ActivityMother.daysBefore;
import static io.segstream.churn.domain.ActivityMother.purchase;
import static io.segstream.churn.domain.ActivityMother.refund;
import static io.segstream.churn.domain.ActivityMother.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerActivityTest {
    private static final String CUSTOMER = "C-10023";
    private final CustomerActivity activity = CustomerActivity.newCustomer(CUSTOMER);

    @Test
    void purchasesGiveTheDistinctPurchaseDaysTheModelCounts() {
        Instant dayOne = Instant.parse("2026-10-01T09:00:00Z");
        activity.apply(purchase(CUSTOMER, "e1", dayOne, "100.00"), UNBOUNDED);
        activity.apply(purchase(CUSTOMER, "e2", dayOne.plus(Duration.ofHours(5)), "20.00"), UNBOUNDED);
        activity.apply(purchase(CUSTOMER, "e3", Instant.parse("2026-10-15T09:00:00Z"), "30.00"), UNBOUNDED);

        ActivityFigures figures = activity.figures(UNBOUNDED);

        assertThat(activity.purchaseDays()).containsExactly(LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-15"));
        assertThat(figures.purchaseDays()).isEqualTo(2);
        assertThat(figures.repeatPurchaseDays()).isEqualTo(1);
        assertThat(figures.purchaseCount()).isEqualTo(3);
        assertThat(figures.monetary()).isEqualByComparingTo("150.00");
        assertThat(figures.firstPurchaseDay()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(figures.lastPurchaseDay()).isEqualTo(LocalDate.parse("2026-10-15"));
        assertThat(figures.lastPurchaseAt()).isEqualTo(Instant.parse("2026-10-15T09:00:00Z"));
        assertThat(activity.daysSinceLastPurchase(NOW, UNBOUNDED)).isEqualTo(36);
    }

    @Test
    void aRefundReducesSpendButAddsNoPurchaseDay() {
        activity.apply(purchase(CUSTOMER, "e1", daysBefore(NOW, 10), "80.00"), UNBOUNDED);
        activity.apply(refund(CUSTOMER, "r1", daysBefore(NOW, 1), "30.00"), UNBOUNDED);

        ActivityFigures figures = activity.figures(UNBOUNDED);
        assertThat(figures.monetary()).isEqualByComparingTo("50.00");
        assertThat(figures.refundCount()).isEqualTo(1);
        assertThat(figures.purchaseDays()).isEqualTo(1);
        assertThat(activity.daysSinceLastPurchase(NOW, UNBOUNDED)).isEqualTo(10);
    }

    @Test
    void aCustomerWhoNeverBoughtHasNoDaysSinceLastPurchase() {
        activity.apply(segment(CUSTOMER, "s1", "lifecycle", "PROSPECT", NOW), UNBOUNDED);

        assertThat(activity.daysSinceLastPurchase(NOW, UNBOUNDED)).isNull();
        assertThat(activity.figures(UNBOUNDED).repeatPurchaseDays()).isZero();
        assertThat(activity.figures(UNBOUNDED).firstPurchaseDay()).isNull();
    }

    @Test
    void redeliveriesChangeNothing() {
        PurchaseFact bought = purchase(CUSTOMER, "e1", daysBefore(NOW, 3), "10.00");
        SegmentFact classified = segment(CUSTOMER, "s1", "lifecycle", "NEW", daysBefore(NOW, 3));
        activity.apply(bought, UNBOUNDED);
        activity.apply(classified, UNBOUNDED);
        ActivityFigures before = activity.figures(UNBOUNDED);

        assertThat(activity.apply(bought, UNBOUNDED)).isEqualTo(ActivityOutcome.DUPLICATE);
        assertThat(activity.apply(classified, UNBOUNDED)).isEqualTo(ActivityOutcome.DUPLICATE);
        assertThat(activity.figures(UNBOUNDED)).isEqualTo(before);
    }

    @Test
    void theLatestSegmentChangeOfADimensionIsThePresentClass() {
        activity.apply(segment(CUSTOMER, "s1", "lifecycle", "NEW", daysBefore(NOW, 9)), UNBOUNDED);
        activity.apply(segment(CUSTOMER, "s2", "value-tier", "HIGH", daysBefore(NOW, 9)), UNBOUNDED);
        activity.apply(segment(CUSTOMER, "s3", "lifecycle", "ACTIVE", daysBefore(NOW, 2)), UNBOUNDED);

        ChurnRiskFigures figures = ChurnRiskFigures.of(activity, NOW, UNBOUNDED);
        assertThat(figures.lifecycle()).isEqualTo("ACTIVE");
        assertThat(figures.valueTier()).isEqualTo("HIGH");
        assertThat(activity.segment("lifecycle")).hasValueSatisfying(current -> {
            assertThat(current.eventId()).isEqualTo("s3");
            assertThat(current.since()).isEqualTo(daysBefore(NOW, 2));
        });
    }

    @Test
    void onlyTheLastFewSegmentChangeIdsAreRemembered() {
        ActivityPolicy rememberTwo = new ActivityPolicy(ZoneOffset.UTC, 10, Duration.ofDays(400), 10, 2, 100);
        for (int i = 1; i <= 3; i++) {
            activity.apply(segment(CUSTOMER, "s" + i, "lifecycle", "C" + i, NOW), rememberTwo);
        }
        assertThat(activity.segmentChangeIds()).containsExactly("s2", "s3");
    }

    @Test
    void foldedDaysKeepFiguresExactAndRefuseEventsOnThem() {
        ActivityPolicy keepTwo = new ActivityPolicy(ZoneOffset.UTC, 2, Duration.ofDays(400), 100, 10, 100);
        for (int day = 1; day <= 4; day++) {
            activity.apply(purchase(CUSTOMER, "e" + day, Instant.parse("2026-01-0" + day + "T10:00:00Z"), "10.00"),
                    keepTwo);
        }

        assertThat(activity.purchases()).extracting(PurchaseFact::eventId).containsExactly("e3", "e4");
        assertThat(activity.figures(keepTwo).purchaseCount()).isEqualTo(4);
        assertThat(activity.figures(keepTwo).monetary()).isEqualByComparingTo("40.00");
        assertThat(activity.figures(keepTwo).firstPurchaseAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(activity.purchaseDays()).hasSize(4);
        assertThat(activity.apply(purchase(CUSTOMER, "e1", Instant.parse("2026-01-01T10:00:00Z"), "10.00"),
                keepTwo)).isEqualTo(ActivityOutcome.TOO_LATE);
    }

    @Test
    void beyondTheMaximumTheOldestPurchaseDaysAreDroppedButCounted() {
        ActivityPolicy threeDays = new ActivityPolicy(ZoneOffset.UTC, 100, Duration.ofDays(400), 3, 10, 100);
        for (int day = 1; day <= 5; day++) {
            activity.apply(purchase(CUSTOMER, "e" + day, Instant.parse("2026-01-0" + day + "T10:00:00Z"), "1.00"),
                    threeDays);
        }

        assertThat(activity.purchaseDays()).containsExactly(LocalDate.parse("2026-01-03"),
                LocalDate.parse("2026-01-04"), LocalDate.parse("2026-01-05"));
        assertThat(activity.droppedPurchaseDays()).isEqualTo(2);
        assertThat(activity.figures(threeDays).purchaseDays()).isEqualTo(5);
        assertThat(activity.figures(threeDays).firstPurchaseDay()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(activity.apply(purchase(CUSTOMER, "late", Instant.parse("2026-01-02T12:00:00Z"), "1.00"),
                threeDays)).isEqualTo(ActivityOutcome.TOO_LATE);
    }

    @Test
    void purchaseDaysFollowTheConfiguredZone() {
        ActivityPolicy shanghai = new ActivityPolicy(ZoneId.of("Asia/Shanghai"), 10, Duration.ofDays(400), 10, 10, 100);
        activity.apply(purchase(CUSTOMER, "e1", Instant.parse("2026-11-19T23:30:00Z"), "1.00"), shanghai);

        assertThat(activity.purchaseDays()).containsExactly(LocalDate.parse("2026-11-20"));
        assertThat(activity.daysSinceLastPurchase(NOW, shanghai)).isZero();
        assertThat(activity.daysSinceLastPurchase(daysBefore(NOW, 5), shanghai)).isZero();
    }

    @Test
    void anotherCustomersEventIsRefused() {
        assertThatThrownBy(() -> activity.apply(purchase("C-other", "e1", NOW, "1.00"), UNBOUNDED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
