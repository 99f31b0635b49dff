package io.segstream.churn.domain;

import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.segstream.churn.domain.ActivityMother.NOW;
import static io.segstream.churn.domain.ActivityMother.UNBOUNDED;
import static io.segstream.churn.domain.ActivityMother.daysBefore;
import static io.segstream.churn.domain.ActivityMother.purchase;
import static io.segstream.churn.domain.ActivityMother.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityTrackingTest {
    private final InMemoryActivityStore store = new InMemoryActivityStore();
    private final ActivityTracking tracking = new ActivityTracking(store, UNBOUNDED);

    @Test
    void aMixedBatchCostsOneReadAndOneWriteAndAnswersEachEventInOrder() {
        List<ActivityEvent> batch = List.of(
                purchase("C-1", "p1", daysBefore(NOW, 20), "10.00"),
                segment("C-1", "s1", "lifecycle", "NEW", daysBefore(NOW, 20)),
                purchase("C-2", "p2", daysBefore(NOW, 2), "5.00"),
                purchase("C-1", "p1", daysBefore(NOW, 20), "10.00"));

        List<ActivityOutcome> outcomes = tracking.record(batch);

        assertThat(outcomes).containsExactly(ActivityOutcome.APPLIED, ActivityOutcome.APPLIED,
                ActivityOutcome.APPLIED, ActivityOutcome.DUPLICATE);
        assertThat(store.reads).isEqualTo(1);
        assertThat(store.writes).isEqualTo(1);
        ChurnRiskFigures figures = tracking.churnRisk("C-1", NOW).orElseThrow();
        assertThat(figures.daysSinceLastPurchase()).isEqualTo(20);
        assertThat(figures.lifecycle()).isEqualTo("NEW");
        assertThat(figures.activity().purchaseCount()).isEqualTo(1);
    }

    @Test
    void aRedeliveredBatchWritesNothing() {
        List<ActivityEvent> batch = List.of(purchase("C-1", "p1", NOW, "1.00"));
        tracking.record(batch);

        assertThat(tracking.record(batch)).containsExactly(ActivityOutcome.DUPLICATE);
        assertThat(store.writes).isEqualTo(1);
    }

    @Test
    void aStaleWriteFailsTheBatchForARetry() {
        tracking.record(List.of(purchase("C-1", "p1", NOW, "1.00")));
        store.racingWriterOn("C-1");

        assertThatThrownBy(() -> tracking.record(List.of(purchase("C-1", "p2", NOW, "1.00"))))
                .isInstanceOf(ConcurrentActivityUpdate.class);
    }

    @Test
    void anUnknownCustomerHasNoChurnRisk() {
        assertThat(tracking.churnRisk("C-nobody", NOW)).isEmpty();
        assertThat(tracking.record(List.of())).isEmpty();
    }

    /** Stores copies with versions, like the MongoDB store; counts round trips; can simulate a racing writer. */
    static final class InMemoryActivityStore implements ActivityStore {
        private final Map<String, CustomerActivity> stored = new LinkedHashMap<>();
        private final Map<String, Long> versions = new HashMap<>();
        private String racedCustomer;
        int reads;
        int writes;

        @Override
        public Map<String, CustomerActivity> findAll(Collection<String> customerIds) {
            reads++;
            Map<String, CustomerActivity> found = new HashMap<>();
            customerIds.forEach(id -> find(id).ifPresent(activity -> found.put(id, activity)));
            if (racedCustomer != null) {
                // Another writer stores this customer right after our read.
                versions.merge(racedCustomer, 1L, Long::sum);
            }
            return found;
        }

        @Override
        public Optional<CustomerActivity> find(String customerId) {
            return Optional.ofNullable(stored.get(customerId)).map(a -> copy(a, versions.get(customerId)));
        }

        @Override
        public void saveAll(Collection<CustomerActivity> activities) {
            if (activities.isEmpty()) {
                return;
            }
            writes++;
            for (CustomerActivity activity : activities) {
                if (versions.getOrDefault(activity.customerId(), 0L) != activity.version()) {
                    throw new ConcurrentActivityUpdate("version moved");
                }
                stored.put(activity.customerId(), copy(activity, activity.version() + 1));
                versions.put(activity.customerId(), activity.version() + 1);
            }
        }

        void racingWriterOn(String customerId) {
            racedCustomer = customerId;
        }

        private static CustomerActivity copy(CustomerActivity a, long version) {
            return CustomerActivity.restore(a.customerId(), version, a.purchases(), a.earlier(), a.purchaseDays(),
                    a.droppedPurchaseDays(), a.segments(), a.segmentChangeIds(), a.reportingCurrency());
        }
    }
}
