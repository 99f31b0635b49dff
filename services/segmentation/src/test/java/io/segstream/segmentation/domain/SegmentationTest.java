package io.segstream.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.segstream.segmentation.domain.PurchaseFactMother.CATALOGUE;
import static io.segstream.segmentation.domain.PurchaseFactMother.NOW;
import static io.segstream.segmentation.domain.PurchaseFactMother.UNBOUNDED;
import static io.segstream.segmentation.domain.PurchaseFactMother.daysBefore;
import static io.segstream.segmentation.domain.PurchaseFactMother.purchase;
import static org.assertj.core.api.Assertions.assertThat;

class SegmentationTest {
    private final InMemoryProfileStore store = new InMemoryProfileStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final Segmentation segmentation = new Segmentation(store, publisher, CATALOGUE, UNBOUNDED);

    @Test
    void aBatchCostsOneReadAndOneWriteAndPublishesEveryChangeInOrder() {
        BatchResult result = segmentation.apply(List.of(
                purchase("C-1", "a1", daysBefore(NOW, 20), "10.00"),
                purchase("C-2", "b1", daysBefore(NOW, 3), "10.00"),
                purchase("C-1", "a2", daysBefore(NOW, 2), "10.00")), NOW);

        assertThat(store.reads).isEqualTo(1);
        assertThat(result.applied()).isEqualTo(3);
        assertThat(publisher.published).extracting(c -> c.customerId() + ":" + c.from() + ">" + c.to())
                .containsExactly("C-1:null>NEW", "C-1:NEW>ACTIVE", "C-2:null>NEW");
        assertThat(result.published()).isEqualTo(publisher.published);
        assertThat(store.writes).isEqualTo(1);
        assertThat(store.find("C-1").orElseThrow().purchases()).hasSize(2);
        assertThat(store.find("C-1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aRedeliveredBatchWritesAndPublishesNothing() {
        List<PurchaseFact> batch = List.of(purchase("C-1", "a1", daysBefore(NOW, 20), "10.00"));
        segmentation.apply(batch, NOW);
        int writes = store.writes;

        BatchResult again = segmentation.apply(batch, NOW.plusSeconds(5));

        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.published()).isEmpty();
        assertThat(store.writes).isEqualTo(writes);
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void anEmptyBatchTouchesNothing() {
        assertThat(segmentation.apply(List.of(), NOW).published()).isEmpty();
        assertThat(store.reads).isZero();
    }

    /** Records what it publishes. */
    static final class RecordingPublisher implements ChangePublisher {
        final List<ClassChange> published = new ArrayList<>();

        @Override
        public void publish(List<ClassChange> changes) {
            published.addAll(changes);
        }
    }

    /** Sweeps slice after slice until nobody is due; the summaries added up. */
    private SweepSummary sweepAll(Segmentation by, Instant asOf, int slice) {
        long customers = 0;
        long changes = 0;
        while (true) {
            SweepSummary one = by.sweep(asOf, slice);
            customers += one.customers();
            changes += one.changes();
            if (one.customers() < slice) {
                return new SweepSummary(customers, changes);
            }
        }
    }

    @Test
    void theSweepMovesSilentCustomersOnTimeWithoutAnyEventAndOnlyThose() {
        segmentation.apply(List.of(purchase("C-1", "a1", daysBefore(NOW, 20), "10.00"),
                purchase("C-1", "a2", daysBefore(NOW, 10), "10.00"),
                purchase("C-2", "b1", daysBefore(NOW, 1), "10.00")), NOW);
        publisher.published.clear();
        // C-1 last bought on day NOW-10: at risk from day +80, churned from day +170.
        assertThat(store.find("C-1").orElseThrow().nextReevaluationAt())
                .isEqualTo(daysBefore(NOW, 10).truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                        .plus(Duration.ofDays(90)));

        assertThat(segmentation.sweep(NOW.plus(Duration.ofDays(79)), 10)).isEqualTo(SweepSummary.NOTHING);
        SweepSummary atRisk = segmentation.sweep(NOW.plus(Duration.ofDays(80)), 10);

        assertThat(publisher.published).extracting(c -> c.customerId() + ":" + c.from() + ">" + c.to() + ":" + c.causedBy())
                .containsExactly("C-1:ACTIVE>AT_RISK:sweep");
        // Only C-1 was due (C-2's planned instant is later); both are counted, not kept.
        assertThat(atRisk).isEqualTo(new SweepSummary(1, 1));
        publisher.published.clear();
        assertThat(segmentation.sweep(NOW.plus(Duration.ofDays(80)), 10)).isEqualTo(SweepSummary.NOTHING);
        assertThat(publisher.published).isEmpty();
        SweepSummary later = sweepAll(segmentation, NOW.plus(Duration.ofDays(400)), 1);
        assertThat(publisher.published).extracting(c -> c.customerId() + ":" + c.to())
                .containsExactlyInAnyOrder("C-1:CHURNED", "C-2:CHURNED");
        assertThat(later.changes()).isEqualTo(publisher.published.size());
        assertThat(later.customers()).isEqualTo(2);
    }

    @Test
    void aSweepInSlicesMovesEveryDueCustomerExactlyOnce() {
        List<CustomerFact> purchases = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            purchases.add(purchase("C-" + i, "p" + i, daysBefore(NOW, 10), "10.00"));
        }
        segmentation.apply(purchases, NOW);
        publisher.published.clear();

        assertThat(segmentation.sweep(NOW.plus(Duration.ofDays(80)), 5)).isEqualTo(new SweepSummary(5, 5));
        SweepSummary rest = sweepAll(segmentation, NOW.plus(Duration.ofDays(80)), 5);

        assertThat(rest).isEqualTo(new SweepSummary(18, 18));
        assertThat(publisher.published).hasSize(23).extracting(ClassChange::customerId).doesNotHaveDuplicates();
        assertThat(publisher.published).allSatisfy(change -> assertThat(change.to()).isEqualTo("AT_RISK"));
        assertThat(segmentation.sweep(NOW.plus(Duration.ofDays(80)), 5)).isEqualTo(SweepSummary.NOTHING);
    }

    @Test
    void aReevaluationInSlicesReadsEveryProfileOnceInIdOrderAndWritesOnlyThoseItChanges() {
        Redefinable tier = new Redefinable();
        Segmentation withTier = new Segmentation(store, publisher, () -> List.of(PurchaseFactMother.LIFECYCLE, tier),
                UNBOUNDED);
        for (int i = 0; i < 7; i++) {
            withTier.apply(List.of(purchase("C-" + i, "p" + i, daysBefore(NOW, 10), "10.00")), NOW);
        }
        publisher.published.clear();
        int writes = store.writes;

        ReevaluationSlice first = withTier.reevaluateAfter(null, 3, List.of(tier), NOW, "redefinition");
        assertThat(first).isEqualTo(new ReevaluationSlice(3, "C-2", 0, 0, false));
        assertThat(store.writes).as("nothing changed, nothing written").isEqualTo(writes);

        tier.version = 2;
        List<String> read = new ArrayList<>();
        ReevaluationSlice slice = new ReevaluationSlice(0, null, 0, 0, false);
        while (!slice.finished()) {
            slice = withTier.reevaluateAfter(slice.lastId(), 3, List.of(tier), NOW, "redefinition");
            read.add(slice.read() + ":" + slice.written());
        }
        assertThat(read).containsExactly("3:3", "3:3", "1:1");
        assertThat(store.find("C-6").orElseThrow().currentClass("tier").orElseThrow().definitionVersion())
                .isEqualTo(2);
        assertThat(withTier.reevaluateAfter("C-6", 3, List.of(tier), NOW, "redefinition").finished()).isTrue();
    }

    /** A dimension whose definition version can be raised (a redefinition); one class, no clock sensitivity. */
    private static final class Redefinable implements Dimension {
        long version = 1;

        @Override
        public String key() {
            return "tier";
        }

        @Override
        public long definitionVersion() {
            return version;
        }

        @Override
        public ClassAssignment classify(ProfileFigures figures) {
            return new ClassAssignment("ANY", Map.of());
        }
    }

    @Test
    void reEvaluatingSomeDimensionsKeepsACustomerDueForTheOthersDue() {
        Redefinable tier = new Redefinable();
        Segmentation twoDimensions = new Segmentation(store, publisher,
                () -> List.of(PurchaseFactMother.LIFECYCLE, tier), UNBOUNDED);
        twoDimensions.apply(List.of(purchase("C-1", "a1", daysBefore(NOW, 10), "10.00")), NOW);
        Instant due = store.find("C-1").orElseThrow().nextReevaluationAt();
        Instant afterDue = due.plus(Duration.ofHours(1));
        publisher.published.clear();

        // The tier is redefined after C-1 became due for AT_RISK: only the tier is re-evaluated and written...
        tier.version = 2;
        twoDimensions.reevaluate(List.of(store.find("C-1").orElseThrow()), List.of(tier), afterDue, "redefinition");
        assertThat(store.find("C-1").orElseThrow().currentClass("tier").orElseThrow().definitionVersion())
                .isEqualTo(2);
        // ...and C-1 stays due, so the sweep still moves it.
        assertThat(store.find("C-1").orElseThrow().nextReevaluationAt()).isEqualTo(due);
        publisher.published.clear();
        assertThat(twoDimensions.sweep(afterDue, 10)).isEqualTo(new SweepSummary(1, 1));
        assertThat(publisher.published).extracting(c -> c.key() + ":" + c.to()).containsExactly("lifecycle:AT_RISK");
        // The sweep, which re-evaluates every dimension, plans the next threshold (CHURNED) as before.
        assertThat(store.find("C-1").orElseThrow().nextReevaluationAt()).isAfter(afterDue);
    }
}
