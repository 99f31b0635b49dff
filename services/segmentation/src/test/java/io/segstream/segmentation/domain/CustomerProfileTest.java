package io.segstream.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static io.segstream.segmentation.domain.PurchaseFactMother.CATALOGUE;
import static io.segstream.segmentation.domain.PurchaseFactMother.NOW;
import static io.segstream.segmentation.domain.PurchaseFactMother.UNBOUNDED;
import static io.segstream.segmentation.domain.PurchaseFactMother.daysBefore;
import static io.segstream.segmentation.domain.PurchaseFactMother.purchase;
import static io.segstream.segmentation.domain.PurchaseFactMother.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerProfileTest {
    private static final String CUSTOMER = "C-10023";
    private final CustomerProfile profile = CustomerProfile.newCustomer(CUSTOMER);

    @Test
    void aFirstPurchaseClassifiesTheCustomerAsNewWithTheEventAsCause() {
        Instant at = daysBefore(NOW, 20);
        ProfileUpdate update = profile.apply(purchase(CUSTOMER, "e1", at, "458.00"), NOW, UNBOUNDED, CATALOGUE);

        assertThat(update.outcome()).isEqualTo(PurchaseOutcome.APPLIED);
        assertThat(update.changes()).singleElement().satisfies(change -> {
            assertThat(change.from()).isNull();
            assertThat(change.to()).isEqualTo("NEW");
            assertThat(change.key()).isEqualTo("lifecycle");
            assertThat(change.definitionVersion()).isEqualTo(1);
            assertThat(change.causedBy()).isEqualTo("e1");
            assertThat(change.occurredAt()).isEqualTo(at);
            assertThat(change.recencyDays()).isEqualTo(20);
            assertThat(change.frequency()).isEqualTo(1);
            assertThat(change.monetary()).isEqualByComparingTo("458.00");
            assertThat(change.eventId()).isEqualTo(ClassChange.idOf(CUSTOMER, "lifecycle", 1, "e1", "NEW"));
        });
        assertThat(profile.currentClass("lifecycle")).hasValueSatisfying(current -> {
            assertThat(current.className()).isEqualTo("NEW");
            assertThat(current.since()).isEqualTo(at);
            assertThat(current.evaluatedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aPurchaseOnAnotherDayMakesARepeatBuyerActive() {
        profile.apply(purchase(CUSTOMER, "e1", daysBefore(NOW, 20), "100.00"), NOW, UNBOUNDED, CATALOGUE);
        ProfileUpdate second = profile.apply(purchase(CUSTOMER, "e2", daysBefore(NOW, 5), "50.00"), NOW, UNBOUNDED,
                CATALOGUE);

        assertThat(second.changes()).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo("NEW");
            assertThat(change.to()).isEqualTo("ACTIVE");
            assertThat(change.causedBy()).isEqualTo("e2");
            assertThat(change.recencyDays()).isEqualTo(5);
            assertThat(change.frequency()).isEqualTo(2);
        });
        assertThat(second.figures().purchaseDays()).isEqualTo(2);
    }

    @Test
    void aSecondPurchaseOnTheSameDayIsNotARepeatDay() {
        Instant morning = Instant.parse("2026-11-10T08:00:00Z");
        profile.apply(purchase(CUSTOMER, "e1", morning, "10.00"), NOW, UNBOUNDED, CATALOGUE);
        ProfileUpdate second = profile.apply(purchase(CUSTOMER, "e2", morning.plusSeconds(3600), "10.00"), NOW,
                UNBOUNDED, CATALOGUE);

        assertThat(second.changes()).isEmpty();
        assertThat(second.figures().orderCount()).isEqualTo(2);
        assertThat(second.figures().purchaseDays()).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        PurchaseFact fact = purchase(CUSTOMER, "e1", daysBefore(NOW, 3), "10.00");
        profile.apply(fact, NOW, UNBOUNDED, CATALOGUE);
        ProfileFigures before = profile.figures(NOW, UNBOUNDED);

        ProfileUpdate again = profile.apply(fact, NOW.plusSeconds(60), UNBOUNDED, CATALOGUE);

        assertThat(again.outcome()).isEqualTo(PurchaseOutcome.DUPLICATE);
        assertThat(again.changes()).isEmpty();
        assertThat(profile.figures(NOW, UNBOUNDED)).isEqualTo(before);
    }

    @Test
    void aRefundReducesSpendButIsNeitherAnOrderNorRecentActivity() {
        Instant bought = daysBefore(NOW, 30);
        profile.apply(purchase(CUSTOMER, "e1", bought, "200.00"), NOW, UNBOUNDED, CATALOGUE);
        ProfileUpdate refunded = profile.apply(refund(CUSTOMER, "r1", daysBefore(NOW, 2), "200.00"), NOW, UNBOUNDED,
                CATALOGUE);

        ProfileFigures figures = refunded.figures();
        assertThat(figures.monetary()).isEqualByComparingTo("0");
        assertThat(figures.orderCount()).isEqualTo(1);
        assertThat(figures.refundCount()).isEqualTo(1);
        assertThat(figures.lastPurchaseAt()).isEqualTo(bought);
        assertThat(figures.recencyDays()).isEqualTo(30);
        assertThat(refunded.changes()).isEmpty();
    }

    @Test
    void aCustomerKnownOnlyByARefundIsAProspect() {
        ProfileUpdate update = profile.apply(refund(CUSTOMER, "r1", daysBefore(NOW, 2), "20.00"), NOW, UNBOUNDED,
                CATALOGUE);

        assertThat(update.changes()).singleElement().satisfies(change -> {
            assertThat(change.to()).isEqualTo("PROSPECT");
            assertThat(change.recencyDays()).isNull();
        });
        assertThat(update.figures().monetary()).isEqualByComparingTo("-20.00");
    }

    @Test
    void aLateEventLandsInItsPlaceInEventTime() {
        Instant recent = daysBefore(NOW, 5);
        Instant earlier = daysBefore(NOW, 50);
        profile.apply(purchase(CUSTOMER, "e2", recent, "30.00"), NOW, UNBOUNDED, CATALOGUE);
        ProfileUpdate late = profile.apply(purchase(CUSTOMER, "e1", earlier, "70.00"), NOW, UNBOUNDED, CATALOGUE);

        assertThat(late.figures().firstPurchaseAt()).isEqualTo(earlier);
        assertThat(late.figures().lastPurchaseAt()).isEqualTo(recent);
        assertThat(late.figures().recencyDays()).isEqualTo(5);
        assertThat(profile.purchases()).extracting(PurchaseFact::eventId).containsExactly("e1", "e2");
        assertThat(late.changes()).singleElement().satisfies(change -> {
            assertThat(change.to()).isEqualTo("ACTIVE");
            assertThat(change.occurredAt()).isEqualTo(earlier);
        });
    }

    @Test
    void classificationIsAsOfTheInstantPassedIn() {
        ProfileUpdate update = profile.apply(purchase(CUSTOMER, "e1", daysBefore(NOW, 100), "10.00"), NOW,
                UNBOUNDED, CATALOGUE);

        assertThat(update.changes()).extracting(ClassChange::to).containsExactly("AT_RISK");
        assertThat(profile.figures(NOW.plus(Duration.ofDays(100)), UNBOUNDED).recencyDays()).isEqualTo(200);
    }

    @Test
    void recencyCountsCalendarDaysOfThePurchaseDayZoneAndIsNeverNegative() {
        ProfilePolicy shanghai = new ProfilePolicy(ZoneId.of("Asia/Shanghai"), 100, Duration.ofDays(400), 5);
        // 23:30 UTC on the 19th is already the 20th in Shanghai: the same day as NOW there.
        profile.apply(purchase(CUSTOMER, "e1", Instant.parse("2026-11-19T23:30:00Z"), "10.00"), NOW, shanghai,
                CATALOGUE);
        assertThat(profile.figures(NOW, shanghai).recencyDays()).isZero();
        assertThat(profile.figures(NOW, UNBOUNDED).recencyDays()).isEqualTo(1);
        assertThat(profile.figures(NOW.minus(Duration.ofDays(3)), shanghai).recencyDays()).isZero();
    }

    @Test
    void foldedDaysKeepAllTimeFiguresExactAndRefuseEventsOnThem() {
        ProfilePolicy keepTwo = new ProfilePolicy(ZoneOffset.UTC, 2, Duration.ofDays(400), 5);
        for (int day = 1; day <= 5; day++) {
            Instant at = Instant.parse("2026-01-0" + day + "T10:00:00Z");
            profile.apply(purchase(CUSTOMER, "e" + day, at, "10.00"), NOW, keepTwo, CATALOGUE);
        }
        profile.apply(refund(CUSTOMER, "r5", Instant.parse("2026-01-05T11:00:00Z"), "5.00"), NOW, keepTwo, CATALOGUE);

        assertThat(profile.purchases()).extracting(PurchaseFact::eventId).containsExactly("e5", "r5");
        assertThat(profile.earlier().throughDay()).isEqualTo(LocalDate.parse("2026-01-04"));
        ProfileFigures figures = profile.figures(NOW, keepTwo);
        assertThat(figures.orderCount()).isEqualTo(5);
        assertThat(figures.refundCount()).isEqualTo(1);
        assertThat(figures.monetary()).isEqualByComparingTo("45.00");
        assertThat(figures.purchaseDays()).isEqualTo(5);
        assertThat(figures.firstPurchaseAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));

        ProfileUpdate onFoldedDay = profile.apply(purchase(CUSTOMER, "e2", Instant.parse("2026-01-02T10:00:00Z"),
                "10.00"), NOW, keepTwo, CATALOGUE);
        assertThat(onFoldedDay.outcome()).isEqualTo(PurchaseOutcome.TOO_LATE);
        assertThat(profile.figures(NOW, keepTwo)).isEqualTo(figures);
    }

    @Test
    void factsBeyondTheHorizonAreFoldedButTheNewestDayNeverIs() {
        ProfilePolicy shortHistory = new ProfilePolicy(ZoneOffset.UTC, 1, Duration.ofDays(10), 5);
        profile.apply(purchase(CUSTOMER, "old", daysBefore(NOW, 30), "1.00"), NOW, shortHistory, CATALOGUE);
        profile.apply(purchase(CUSTOMER, "a", NOW.minusSeconds(60), "1.00"), NOW, shortHistory, CATALOGUE);
        profile.apply(purchase(CUSTOMER, "b", NOW, "1.00"), NOW, shortHistory, CATALOGUE);

        assertThat(profile.purchases()).extracting(PurchaseFact::eventId).containsExactly("a", "b");
        assertThat(profile.figures(NOW, shortHistory).orderCount()).isEqualTo(3);
        assertThat(profile.figures(NOW, shortHistory).purchaseDays()).isEqualTo(2);
    }

    @Test
    void changeIdsAreDeterministicAndDistinguishTheirParts() {
        String id = ClassChange.idOf("C-1", "lifecycle", 1, "e1", "NEW");
        assertThat(ClassChange.idOf("C-1", "lifecycle", 1, "e1", "NEW")).isEqualTo(id);
        assertThat(List.of(ClassChange.idOf("C-2", "lifecycle", 1, "e1", "NEW"),
                ClassChange.idOf("C-1", "lifecycle", 2, "e1", "NEW"),
                ClassChange.idOf("C-1", "lifecycle", 1, "e2", "NEW"),
                ClassChange.idOf("C-1", "lifecycle", 1, "e1", "ACTIVE"))).doesNotContain(id).doesNotHaveDuplicates();
    }

    @Test
    void savingMovesTheVersionOn() {
        profile.apply(purchase(CUSTOMER, "e1", NOW, "1.00"), NOW, UNBOUNDED, CATALOGUE);
        assertThat(profile.isStored()).isFalse();
        assertThat(profile.factsChangedSinceRead()).isTrue();
        profile.markSaved();
        profile.markSaved();
        assertThat(profile.version()).isEqualTo(2);
        assertThat(profile.factsChangedSinceRead()).isFalse();
    }

    @Test
    void anotherCustomersPurchaseIsRefused() {
        assertThatThrownBy(() -> profile.apply(purchase("C-other", "e1", NOW, "1.00"), NOW, UNBOUNDED, CATALOGUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPurchaseCannotSubtractAndARefundCannotAdd() {
        assertThatThrownBy(() -> purchase(CUSTOMER, "e1", NOW, "-1.00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PurchaseFact("r1", CUSTOMER, PurchaseKind.REFUND, NOW, BigDecimal.ONE, null,
                null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProfileHoldsErasedHistoryWhenAnyFactOccurredAtOrBeforeTheErasure() {
        Instant erasedAt = daysBefore(NOW, 10);
        CustomerProfile fresh = CustomerProfile.newCustomer(CUSTOMER);
        fresh.apply(purchase(CUSTOMER, "after", daysBefore(NOW, 2), "10.00"), NOW, UNBOUNDED, CATALOGUE);
        assertThat(fresh.holdsFactsAtOrBefore(erasedAt)).isFalse();

        fresh.apply(purchase(CUSTOMER, "in-flight", erasedAt, "10.00"), NOW, UNBOUNDED, CATALOGUE);
        assertThat(fresh.holdsFactsAtOrBefore(erasedAt)).isTrue();
        // Nothing at all (never written that way) counts as erased history: delete rather than keep.
        assertThat(CustomerProfile.newCustomer(CUSTOMER).holdsFactsAtOrBefore(erasedAt)).isTrue();
    }
}
