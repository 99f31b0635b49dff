package io.segstream.churn.domain.alerts;

import io.segstream.churn.domain.ActivityPolicy;
import io.segstream.churn.domain.ActivityStore;
import io.segstream.churn.domain.ChurnModelStore;
import io.segstream.churn.domain.CustomerActivity;
import io.segstream.churn.domain.FeedbackFact;
import io.segstream.churn.domain.ModelFit;
import io.segstream.churn.domain.ModelFitting;
import io.segstream.churn.domain.Population;
import io.segstream.churn.domain.PurchaseFact;
import io.segstream.churn.domain.PurchaseKind;
import io.segstream.churn.domain.model.FitSettings;
import io.segstream.churn.domain.model.ModelTimeUnit;
import io.segstream.churn.domain.model.ScoringSettings;
import io.segstream.churn.domain.rules.AlertGrading;
import io.segstream.churn.domain.rules.EarlyWarningRules;
import io.segstream.churn.domain.rules.RuleSettings;
import io.segstream.churn.domain.scoring.ChurnScoring;
import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.AlertStatus;
import io.segstream.contracts.churn.ChurnReason;
import io.segstream.contracts.feedback.FeedbackKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alert lifecycle against in-memory stores: the domain alone, time driven by the test. */
class AlertingTest {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final ActivityPolicy POLICY = new ActivityPolicy(ZoneOffset.UTC, 1000, Duration.ofDays(400), 3660,
            100, 100);
    private static final RuleSettings RULES = new RuleSettings(2.0, 3, Duration.ofDays(90), 3, 0.5, 0.3, 0.95,
            Set.of("HIGH"), Set.of("LOW"), Duration.ofDays(30), Duration.ofDays(30), 2, new BigDecimal("0.3"),
            Duration.ofDays(90), 6, 2, 2, Duration.ofDays(30), Duration.ofDays(180), 2);

    private final Map<String, CustomerActivity> activities = new HashMap<>();
    private final InMemoryAlertStore store = new InMemoryAlertStore();
    private final List<AlertMessage> published = new ArrayList<>();
    private boolean brokerDown;
    private final Alerting alerting;

    AlertingTest() {
        ActivityStore activityStore = new ActivityStore() {
            @Override
            public Map<String, CustomerActivity> findAll(Collection<String> ids) {
                Map<String, CustomerActivity> found = new HashMap<>();
                ids.stream().filter(activities::containsKey).forEach(id -> found.put(id, activities.get(id)));
                return found;
            }

            @Override
            public Optional<CustomerActivity> find(String id) {
                return Optional.ofNullable(activities.get(id));
            }

            @Override
            public void saveAll(Collection<CustomerActivity> changed) {
            }
        };
        Population nobody = new Population() {
            @Override
            public long size() {
                return 0;
            }

            @Override
            public void forEachPurchaseDays(java.util.function.Consumer<Collection<java.time.LocalDate>> c) {
            }
        };
        ChurnModelStore noModel = new ChurnModelStore() {
            @Override
            public void save(ModelFit fit) {
            }

            @Override
            public Optional<ModelFit> latest() {
                return Optional.empty();
            }
        };
        ModelFitting fitting = new ModelFitting(nobody, noModel, POLICY, ModelTimeUnit.WEEKS,
                ScoringSettings.defaults(), FitSettings.defaults());
        ChurnScoring scoring = new ChurnScoring(fitting, new EarlyWarningRules(RULES, POLICY),
                new AlertGrading(RULES.highValueTiers(), RULES.lowValueTiers()), POLICY);
        AlertPublisher publisher = messages -> {
            if (brokerDown) {
                throw new IllegalStateException("broker down");
            }
            published.addAll(messages);
        };
        alerting = new Alerting(activityStore, store, publisher, scoring, POLICY,
                new AlertPolicy(AlertLevel.MEDIUM, Duration.ofDays(30), Duration.ofDays(7), 0.95));
    }

    private void buy(String customer, Instant at) {
        activities.computeIfAbsent(customer, CustomerActivity::newCustomer).apply(new PurchaseFact(
                "p-" + at, customer, PurchaseKind.PURCHASE, at, BigDecimal.TEN, "CNY"), POLICY);
    }

    private void complain(String customer, String id, Instant at) {
        activities.get(customer).apply(new FeedbackFact(id, customer, FeedbackKind.COMPLAINT, at, null, null, null),
                POLICY);
    }

    /** Bought every 10 days up to T0: overdue from T0 + 21 days. */
    private void regular(String customer) {
        for (int i = 3; i >= 0; i--) {
            buy(customer, T0.minus(Duration.ofDays(10L * i)));
        }
    }

    @Test
    void theSweepOpensAnAlertWhenTheCustomerIsDueAndABuyResolvesItAsAWinBackWithACooldown() {
        regular("C-1");
        assertThat(alerting.review(List.of("C-1"), T0).changes()).isEmpty();
        // at the latest a week later (max check interval)...
        assertThat(store.watches.get("C-1").nextCheckAt()).isEqualTo(T0.plus(Duration.ofDays(7)));

        assertThat(alerting.sweep(T0.plus(Duration.ofDays(20)), 10).changes()).isEmpty();
        // ...and at the start of the overdue day when that comes first
        assertThat(store.watches.get("C-1").nextCheckAt()).isEqualTo(Instant.parse("2026-06-22T00:00:00Z"));
        AlertOutcome due = alerting.sweep(T0.plus(Duration.ofDays(25)), 10);

        assertThat(due.changes()).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(alert.reasons()).containsExactly(ChurnReason.OVERDUE_VS_OWN_CADENCE);
            assertThat(alert.level()).isEqualTo(AlertLevel.MEDIUM);
        });
        assertThat(published).hasSize(1);
        assertThat(store.watches.get("C-1").pending()).isEmpty();

        Instant back = T0.plus(Duration.ofDays(26));
        buy("C-1", back);
        AlertOutcome resolved = alerting.review(List.of("C-1"), back);

        assertThat(resolved.count(AlertStatus.RESOLVED)).isEqualTo(1);
        assertThat(resolved.winBacks()).isEqualTo(1);
        assertThat(published).extracting(m -> m.payload().alertId()).containsOnly(published.get(0).payload().alertId());
        assertThat(published).extracting(AlertMessage::messageId).doesNotHaveDuplicates();
        assertThat(store.watches.get("C-1").counts().winBackCount()).isEqualTo(1);
        // The service resolved it, not an operator.
        assertThat(store.watches.get("C-1").current().resolvedBy()).isNull();

        // overdue again 25 days later, but within the 30-day cooldown: no alert; after it: a new one
        assertThat(alerting.sweep(back.plus(Duration.ofDays(25)), 10).changes()).isEmpty();
        AlertOutcome again = alerting.sweep(back.plus(Duration.ofDays(31)), 10);
        assertThat(again.count(AlertStatus.OPEN)).isEqualTo(1);
        assertThat(again.changes().get(0).alertId()).isNotEqualTo(published.get(0).payload().alertId());
    }

    @Test
    void aRisingLevelEscalatesTheOpenAlert() {
        regular("C-2");
        Instant late = T0.plus(Duration.ofDays(25));
        alerting.review(List.of("C-2"), late);
        complain("C-2", "f1", late);

        AlertOutcome outcome = alerting.review(List.of("C-2"), late.plusSeconds(60));

        assertThat(outcome.changes()).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.ESCALATED);
            assertThat(alert.level()).isEqualTo(AlertLevel.HIGH);
        });
        assertThat(store.watches.get("C-2").counts().escalatedCount()).isEqualTo(1);
    }

    @Test
    void aReviewThatChangesNothingPublishesNothing() {
        regular("C-3");
        Instant late = T0.plus(Duration.ofDays(25));
        alerting.review(List.of("C-3"), late);
        int before = published.size();

        alerting.review(List.of("C-3"), late);
        alerting.review(List.of("C-3"), late.plusSeconds(1));

        assertThat(published).hasSize(before);
    }

    @Test
    void messagesThatCouldNotBePublishedStayPendingAndTheRelayRepublishesThemWithTheSameId() {
        regular("C-4");
        brokerDown = true;
        Instant late = T0.plus(Duration.ofDays(25));

        assertThatThrownBy(() -> alerting.review(List.of("C-4"), late)).hasMessageContaining("broker down");
        assertThat(store.watches.get("C-4").current().status()).isEqualTo(AlertStatus.OPEN);
        String messageId = store.watches.get("C-4").pending().get(0).messageId();

        brokerDown = false;
        assertThat(alerting.relay(late, 10)).isEqualTo(1);
        assertThat(published).extracting(AlertMessage::messageId).containsExactly(messageId);
        assertThat(store.watches.get("C-4").pending()).isEmpty();
    }

    @Test
    void operatorsAcknowledgeAndResolveOnlyOpenAlerts() {
        regular("C-5");
        Instant late = T0.plus(Duration.ofDays(25));
        String alertId = alerting.review(List.of("C-5"), late).changes().get(0).alertId();

        OperatorAction acknowledgement = alerting.acknowledge(alertId, late.plusSeconds(1), "ops-1");
        Alert acknowledged = acknowledgement.after();
        assertThat(acknowledgement.changed()).isTrue();
        assertThat(acknowledgement.before().acknowledgedAt()).isNull();
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(late.plusSeconds(1));
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("ops-1");
        assertThat(acknowledged.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(store.watches.get("C-5").current().acknowledgedBy()).isEqualTo("ops-1");
        assertThat(published).hasSize(1);

        // A second acknowledgement changes nothing: the first one stands.
        OperatorAction repeat = alerting.acknowledge(alertId, late.plusSeconds(2), "ops-2");
        assertThat(repeat.changed()).isFalse();
        assertThat(repeat.after().acknowledgedBy()).isEqualTo("ops-1");
        assertThat(repeat.after().acknowledgedAt()).isEqualTo(late.plusSeconds(1));

        OperatorAction resolution = alerting.resolve(alertId, late.plusSeconds(2), "ops-2");
        Alert resolved = resolution.after();
        assertThat(resolution.before().status()).isEqualTo(AlertStatus.OPEN);
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.sequence()).isEqualTo(resolution.before().sequence() + 1);
        assertThat(resolved.reasons()).containsExactly(ChurnReason.OPERATOR_RESOLVED);
        assertThat(resolved.winBack()).isFalse();
        assertThat(resolved.resolvedBy()).isEqualTo("ops-2");
        assertThat(resolved.acknowledgedBy()).isEqualTo("ops-1");
        assertThat(store.watches.get("C-5").current().resolvedBy()).isEqualTo("ops-2");
        assertThat(published).hasSize(2);

        assertThatThrownBy(() -> alerting.resolve(alertId, late.plusSeconds(3), "ops-1"))
                .isInstanceOf(IllegalAlertTransition.class);
        assertThatThrownBy(() -> alerting.acknowledge(alertId, late.plusSeconds(3), "ops-1"))
                .isInstanceOf(IllegalAlertTransition.class);
        assertThatThrownBy(() -> alerting.acknowledge("A-unknown", late, "ops-1")).isInstanceOf(AlertNotFound.class);
    }

    @Test
    void aFreshHistoryAfterAnErasureGetsAlertIdsOfItsOwn() {
        regular("C-8");
        Instant late = T0.plus(Duration.ofDays(25));
        Alert first = alerting.review(List.of("C-8"), late).changes().get(0);

        // The erasure deletes her activity and her alert document; she comes back later with the same rhythm.
        activities.remove("C-8");
        store.watches.remove("C-8");
        Instant later = late.plus(Duration.ofDays(100));
        for (int i = 3; i >= 0; i--) {
            buy("C-8", later.minus(Duration.ofDays(25 + 10L * i)));
        }
        Alert again = alerting.review(List.of("C-8"), later).changes().get(0);

        assertThat(again.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(store.watches.get("C-8").current().sequence()).isEqualTo(1);
        assertThat(store.watches.get("C-8").counts().raisedCount()).isEqualTo(1);
        assertThat(again.alertId()).isNotEqualTo(first.alertId());
        assertThat(published).extracting(AlertMessage::messageId).doesNotHaveDuplicates();
    }

    @Test
    void aReviewThatMeetsAConcurrentWriteIsRepeated() {
        regular("C-6");
        alerting.review(List.of("C-6"), T0);
        store.concurrentWriteBeforeNextSave.add("C-6");

        AlertOutcome outcome = alerting.review(List.of("C-6"), T0.plus(Duration.ofDays(25)));

        assertThat(outcome.conflicts()).isZero();
        assertThat(outcome.count(AlertStatus.OPEN)).isEqualTo(1);
        assertThat(store.watches.get("C-6").current().status()).isEqualTo(AlertStatus.OPEN);
    }

    /** Copies on save and read, like a database, and checks versions. */
    static final class InMemoryAlertStore implements AlertStore {
        final Map<String, CustomerWatch> watches = new HashMap<>();
        /** Customers whose next save meets a concurrent write first (another writer bumps the version). */
        final Set<String> concurrentWriteBeforeNextSave = new java.util.HashSet<>();

        private static CustomerWatch copy(CustomerWatch w, long version) {
            return CustomerWatch.restore(w.customerId(), version, w.current(), w.cooldownUntil(), w.nextCheckAt(),
                    w.pending(), new AlertCounts(w.counts().raisedCount(), w.counts().escalatedCount(),
                            w.counts().resolvedCount(), w.counts().winBackCount()));
        }

        @Override
        public Map<String, CustomerWatch> findAll(Collection<String> ids) {
            Map<String, CustomerWatch> found = new HashMap<>();
            ids.stream().filter(watches::containsKey)
                    .forEach(id -> found.put(id, copy(watches.get(id), watches.get(id).version())));
            return found;
        }

        @Override
        public List<String> dueForCheck(Instant now, int limit) {
            return watches.values().stream().filter(w -> !w.nextCheckAt().isAfter(now))
                    .map(CustomerWatch::customerId).sorted().limit(limit).toList();
        }

        @Override
        public List<CustomerWatch> withPendingMessages(Instant cutoff, int limit) {
            return watches.values().stream().filter(w -> !w.pending().isEmpty())
                    .map(w -> copy(w, w.version())).limit(limit).toList();
        }

        @Override
        public Optional<CustomerWatch> findByAlertId(String alertId) {
            return watches.values().stream().filter(w -> w.current() != null
                    && w.current().alertId().equals(alertId)).findFirst().map(w -> copy(w, w.version()));
        }

        @Override
        public List<String> saveAll(Collection<CustomerWatch> changed) {
            List<String> lost = new ArrayList<>();
            for (CustomerWatch watch : changed) {
                if (concurrentWriteBeforeNextSave.remove(watch.customerId())) {
                    CustomerWatch other = watches.get(watch.customerId());
                    watches.put(other.customerId(), copy(other, other.version() + 1));
                }
                CustomerWatch stored = watches.get(watch.customerId());
                if ((stored == null ? 0 : stored.version()) != watch.version()) {
                    lost.add(watch.customerId());
                } else {
                    watches.put(watch.customerId(), copy(watch, watch.version() + 1));
                }
            }
            return lost;
        }

        @Override
        public void clearPublished(Collection<CustomerWatch> published) {
            for (CustomerWatch watch : published) {
                CustomerWatch stored = watches.get(watch.customerId());
                if (stored.version() == watch.version()) {
                    watches.put(watch.customerId(), CustomerWatch.restore(stored.customerId(), stored.version(),
                            stored.current(), stored.cooldownUntil(), stored.nextCheckAt(), List.of(),
                            stored.counts()));
                }
            }
        }

        @Override
        public AlertPage list(AlertStatus status, AlertLevel level, String valueTier, int page, int size) {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public AlertCounts totals() {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public Map<AlertLevel, Long> openByLevel() {
            throw new UnsupportedOperationException("not needed here");
        }
    }
}
