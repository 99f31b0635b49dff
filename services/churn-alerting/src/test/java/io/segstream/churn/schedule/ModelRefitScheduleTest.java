package io.segstream.churn.schedule;

import io.segstream.churn.audit.ChurnAudit;
import io.segstream.churn.config.ChurnProperties;
import io.segstream.churn.domain.ActivityMother;
import io.segstream.churn.domain.InMemoryChurnModelStore;
import io.segstream.churn.domain.ModelFit;
import io.segstream.churn.domain.ModelFitting;
import io.segstream.churn.domain.Population;
import io.segstream.churn.domain.model.FitSettings;
import io.segstream.churn.domain.model.ModelTimeUnit;
import io.segstream.churn.domain.model.ScoringSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The refit schedule's checks, driven by hand on a settable clock (the schedule's thread is never started). */
class ModelRefitScheduleTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** A population whose scans fail while {@code failing}; counts the scans (each one a full read in production). */
    private boolean failing = true;
    private int scans;
    private final List<List<LocalDate>> customers = new ArrayList<>();
    private final Population population = new Population() {
        @Override
        public long size() {
            return customers.size();
        }

        @Override
        public void forEachPurchaseDays(Consumer<Collection<LocalDate>> customer) {
            scans++;
            if (failing) {
                throw new IllegalStateException("Chunk 42 not found");
            }
            customers.forEach(customer);
        }
    };
    private final InMemoryChurnModelStore store = new InMemoryChurnModelStore();
    private final List<ModelFit> stored = store.fits();
    private final List<ModelFit> audited = new ArrayList<>();
    private final ChurnAudit audit = new ChurnAudit(null) {
        @Override
        public void modelFitted(ModelFit fit, FitTrigger trigger) {
            audited.add(fit);
        }
    };

    private ModelRefitSchedule schedule(Map<String, String> settings) {
        ChurnProperties props = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("segstream.churn", ChurnProperties.class);
        ModelFitting fitting = new ModelFitting(population, store, ActivityMother.UNBOUNDED, ModelTimeUnit.WEEKS,
                ScoringSettings.defaults(), FitSettings.defaults());
        return new ModelRefitSchedule(fitting, audit, props, clock);
    }

    private void checkAt(ModelRefitSchedule schedule, Duration sinceStart) {
        now = T0.plus(sinceStart);
        schedule.check();
    }

    private void customersBuyingOnRandomDays(int count) {
        Random random = new Random(11);
        for (int c = 0; c < count; c++) {
            List<LocalDate> days = new ArrayList<>();
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(300));
            do {
                days.add(day);
                day = day.plusDays(1 + random.nextInt(80));
            } while (random.nextDouble() < 0.75 && day.isBefore(LocalDate.of(2026, 12, 1)));
            customers.add(days);
        }
    }

    @Test
    void failedFitsAreRetriedAfterDoublingWaitsNotAtEveryCheck() {
        customersBuyingOnRandomDays(400);
        ModelRefitSchedule schedule = schedule(Map.of("segstream.churn.model.check-interval", "1m",
                "segstream.churn.model.max-retry-wait", "4m"));

        // checks every minute for 12 minutes: fits tried at 0, 1 (wait 1), 3 (wait 2), 7 (wait 4), 11 (wait 4, max)
        List<Long> triedAt = new ArrayList<>();
        for (int minute = 0; minute <= 12; minute++) {
            int before = scans;
            checkAt(schedule, Duration.ofMinutes(minute));
            if (scans > before) {
                triedAt.add((long) minute);
            }
        }
        assertThat(triedAt).containsExactly(0L, 1L, 3L, 7L, 11L);
        assertThat(stored).isEmpty();

        // once the store answers again, the next allowed check fits, audits, and the waits start over
        failing = false;
        checkAt(schedule, Duration.ofMinutes(15));
        assertThat(stored).hasSize(1);
        assertThat(audited).containsExactlyElementsOf(stored);
    }

    @Test
    void aSuccessfulFitResetsTheWait() {
        customersBuyingOnRandomDays(400);
        ModelRefitSchedule schedule = schedule(Map.of("segstream.churn.model.check-interval", "1m",
                "segstream.churn.model.refit-interval", "10m"));
        checkAt(schedule, Duration.ZERO);
        checkAt(schedule, Duration.ofMinutes(1));
        checkAt(schedule, Duration.ofMinutes(3));
        assertThat(scans).isEqualTo(3);

        failing = false;
        checkAt(schedule, Duration.ofMinutes(7));
        assertThat(stored).hasSize(1);

        // the refit is due 10 minutes later; it fails once and is tried again one check interval after, not four
        failing = true;
        checkAt(schedule, Duration.ofMinutes(17));
        int afterFailure = scans;
        failing = false;
        checkAt(schedule, Duration.ofMinutes(18));
        assertThat(scans).isEqualTo(afterFailure + 1);
        assertThat(stored).hasSize(2);
    }

    @Test
    void withoutFailuresNothingIsFittedBeforeItIsDue() {
        customersBuyingOnRandomDays(400);
        failing = false;
        ModelRefitSchedule schedule = schedule(Map.of());
        checkAt(schedule, Duration.ZERO);
        checkAt(schedule, Duration.ofMinutes(1));
        checkAt(schedule, Duration.ofHours(23));
        assertThat(stored).hasSize(1);
        checkAt(schedule, Duration.ofHours(24));
        assertThat(stored).hasSize(2);
        assertThat(audited).hasSize(2);
    }
}
