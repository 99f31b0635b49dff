package io.segstream.churn.domain;

import io.segstream.churn.domain.model.BgNbdFitter;
import io.segstream.churn.domain.model.CalibrationData;
import io.segstream.churn.domain.model.FitSettings;
import io.segstream.churn.domain.model.FittedModel;
import io.segstream.churn.domain.model.ModelTimeUnit;
import io.segstream.churn.domain.model.PurchaseSummary;
import io.segstream.churn.domain.model.ScoringSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFittingTest {
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final Instant AS_OF = Instant.parse("2025-12-31T12:00:00Z");
    private static final Instant FITTED_AT = Instant.parse("2026-01-02T08:00:00Z");

    private final List<List<LocalDate>> customers = new ArrayList<>();
    private final Population population = new Population() {
        @Override
        public long size() {
            return customers.size();
        }

        @Override
        public void forEachPurchaseDays(Consumer<Collection<LocalDate>> customer) {
            customers.forEach(customer);
        }
    };
    private final InMemoryChurnModelStore store = new InMemoryChurnModelStore();
    private final List<ModelFit> stored = store.fits();
    private final ModelFitting fitting = new ModelFitting(population, store, ActivityMother.UNBOUNDED,
            ModelTimeUnit.WEEKS, ScoringSettings.defaults(), FitSettings.defaults());

    /** Customers buying on random days of 2025 with random gaps; a few first buy in 2026 (after AS_OF). */
    private void population(int size) {
        Random random = new Random(7);
        for (int c = 0; c < size; c++) {
            List<LocalDate> days = new ArrayList<>();
            LocalDate day = START.plusDays(random.nextInt(c % 10 == 0 ? 400 : 300));
            do {
                days.add(day);
                day = day.plusDays(1 + random.nextInt(80));
            } while (random.nextDouble() < 0.75);
            customers.add(days);
        }
    }

    @Test
    void fitsThePopulationAsOfAnInstantIgnoringLaterDaysAndStoresIt() {
        population(400);

        ModelFit fit = fitting.fit(AS_OF, FITTED_AT);

        // the same fit, computed independently on the summaries as of AS_OF's day
        CalibrationData.Builder data = CalibrationData.builder(ModelTimeUnit.WEEKS);
        customers.forEach(days -> PurchaseSummary.fromPurchaseDays(days, LocalDate.of(2025, 12, 31),
                ModelTimeUnit.WEEKS).ifPresent(data::add));
        CalibrationData expected = data.build();
        FittedModel direct = new BgNbdFitter(FitSettings.defaults()).fit(expected, AS_OF);
        assertThat(fit.fitted().customers()).isEqualTo(expected.customers()).isLessThan(400);
        assertThat(fit.fitted().parameters()).isEqualTo(direct.parameters());
        assertThat(fit.fitted().asOf()).isEqualTo(AS_OF);
        assertThat(fit.fittedAt()).isEqualTo(FITTED_AT);
        assertThat(stored).containsExactly(fit);
        assertThat(fitting.scorer()).isPresent();
    }

    @Test
    void aFitIsDueWithEnoughCustomersAndThenWhenTheModelIsOld() {
        population(10);
        assertThat(fitting.fitDue(FITTED_AT, 11, Duration.ofHours(24))).isFalse();
        assertThat(fitting.fitDue(FITTED_AT, 10, Duration.ofHours(24))).isTrue();
        population(400);
        fitting.fit(AS_OF, FITTED_AT);

        assertThat(fitting.fitDue(FITTED_AT.plus(Duration.ofHours(23)), 10, Duration.ofHours(24))).isFalse();
        assertThat(fitting.fitDue(FITTED_AT.plus(Duration.ofHours(24)), 10, Duration.ofHours(24))).isTrue();
    }

    @Test
    void aStoredFitIsReloadedAndNobodyToFitIsRefused() {
        assertThatThrownBy(() -> fitting.fit(AS_OF, FITTED_AT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fitting.reload()).isEmpty();
        population(400);
        ModelFit fit = new ModelFitting(population, store, ActivityMother.UNBOUNDED, ModelTimeUnit.WEEKS,
                ScoringSettings.defaults(), FitSettings.defaults()).fit(AS_OF, FITTED_AT);

        assertThat(fitting.currentFit()).isEmpty();
        assertThat(fitting.reload()).contains(fit);
        assertThat(fitting.currentFit()).contains(fit);
    }
}
