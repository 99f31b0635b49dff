package io.segstream.churn.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class PurchaseSummaryTest {

    private static final LocalDate JAN_1 = LocalDate.of(1997, 1, 1);

    /** CDNOW customer 0001: bought 1997-01-01, 01-18, 08-02 and 12-12; summary as of 1997-09-30 in weeks. */
    @Test
    void summarisesLikeTheLiterature() {
        List<LocalDate> days = List.of(JAN_1, LocalDate.of(1997, 1, 18), LocalDate.of(1997, 8, 2),
                LocalDate.of(1997, 12, 12));
        PurchaseSummary s = PurchaseSummary.fromPurchaseDays(days, LocalDate.of(1997, 9, 30), ModelTimeUnit.WEEKS)
                .orElseThrow();
        assertThat(s.repeatPurchases()).isEqualTo(2);
        assertThat(s.timeOfLastPurchase()).isCloseTo(213 / 7.0, within(1e-12)); // 30.43 weeks
        assertThat(s.age()).isCloseTo(272 / 7.0, within(1e-12)); // 38.86 weeks
        assertThat(s.unit()).isEqualTo(ModelTimeUnit.WEEKS);
        assertThat(s.silence()).isCloseTo(59 / 7.0, within(1e-12));
    }

    @Test
    void countsOneTransactionPerDayAndIgnoresOrder() {
        List<LocalDate> days = List.of(LocalDate.of(2024, 3, 5), JAN_1.withYear(2024), LocalDate.of(2024, 3, 5),
                JAN_1.withYear(2024));
        PurchaseSummary s = PurchaseSummary.fromPurchaseDays(days, LocalDate.of(2024, 4, 1), ModelTimeUnit.DAYS)
                .orElseThrow();
        assertThat(s.repeatPurchases()).isEqualTo(1);
        assertThat(s.timeOfLastPurchase()).isEqualTo(64);
        assertThat(s.age()).isEqualTo(91);
    }

    @Test
    void ignoresPurchasesAfterTheAsOfDay() {
        List<LocalDate> days = List.of(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 2));
        PurchaseSummary s = PurchaseSummary.fromPurchaseDays(days, LocalDate.of(2024, 2, 1), ModelTimeUnit.DAYS)
                .orElseThrow();
        assertThat(s.repeatPurchases()).isEqualTo(1);
        assertThat(s.timeOfLastPurchase()).isEqualTo(22);
        assertThat(s.age()).isEqualTo(22);
        assertThat(PurchaseSummary.fromPurchaseDays(days, LocalDate.of(2024, 1, 9), ModelTimeUnit.DAYS)).isEmpty();
    }

    @Test
    void groupsInstantsIntoDaysOfTheZoneAndCutsAtTheAsOfInstant() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant first = Instant.parse("2024-05-01T22:30:00Z"); // 2 May in Paris
        Instant sameParisDay = Instant.parse("2024-05-02T08:00:00Z");
        Instant later = Instant.parse("2024-05-09T10:00:00Z");
        Instant afterAsOf = Instant.parse("2024-05-20T10:00:01Z");
        Instant asOf = Instant.parse("2024-05-20T10:00:00Z");
        PurchaseSummary s = PurchaseSummary.fromPurchaseInstants(List.of(later, first, sameParisDay, afterAsOf), asOf,
                paris, ModelTimeUnit.DAYS).orElseThrow();
        assertThat(s.repeatPurchases()).isEqualTo(1);
        assertThat(s.timeOfLastPurchase()).isEqualTo(7);
        assertThat(s.age()).isEqualTo(18);
        PurchaseSummary inUtc = PurchaseSummary.fromPurchaseInstants(List.of(first, sameParisDay), asOf,
                ZoneOffset.UTC, ModelTimeUnit.DAYS).orElseThrow();
        assertThat(inUtc.repeatPurchases()).isEqualTo(1); // 1 May and 2 May in UTC
        PurchaseSummary atAsOf = PurchaseSummary.fromPurchaseInstants(List.of(first, asOf), asOf, paris,
                ModelTimeUnit.DAYS).orElseThrow();
        assertThat(atAsOf.repeatPurchases()).isEqualTo(1); // a purchase at the as-of instant counts
    }

    @Test
    void oneTimeBuyerHasNoRepeatPurchase() {
        PurchaseSummary s = PurchaseSummary.fromPurchaseDays(List.of(JAN_1), JAN_1.plusDays(14), ModelTimeUnit.WEEKS)
                .orElseThrow();
        assertThat(s.repeatBuyer()).isFalse();
        assertThat(s.timeOfLastPurchase()).isZero();
        assertThat(s.age()).isEqualTo(2);
    }

    @Test
    void convertsUnits() {
        PurchaseSummary weeks = new PurchaseSummary(3, 2, 5, ModelTimeUnit.WEEKS);
        PurchaseSummary days = weeks.in(ModelTimeUnit.DAYS);
        assertThat(days).isEqualTo(new PurchaseSummary(3, 14, 35, ModelTimeUnit.DAYS));
        assertThat(days.in(ModelTimeUnit.WEEKS)).isEqualTo(weeks);
        assertThat(ModelTimeUnit.WEEKS.of(Duration.ofDays(90))).isCloseTo(90 / 7.0, within(1e-12));
        assertThat(ModelTimeUnit.DAYS.toDuration(1.5)).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void refusesImpossibleSummaries() {
        assertThatThrownBy(() -> new PurchaseSummary(-1, 0, 1, ModelTimeUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PurchaseSummary(2, 5, 4, ModelTimeUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PurchaseSummary(0, 3, 4, ModelTimeUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PurchaseSummary(1, Double.NaN, 4, ModelTimeUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BgNbdParameters(0, 1, 1, 1, ModelTimeUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BgNbdParameters(1, Double.POSITIVE_INFINITY, 1, 1, ModelTimeUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
