package io.segstream.segmentation.stream;

import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.segmentation.PurchaseEvents;
import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.SegmentDefinition;
import io.segstream.segmentation.encoding.ProfileCodec;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The segmentation topology in a TopologyTestDriver: events in, profiles in the store, changes out. */
class SegmentationTopologyTest {
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private TopologyFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static PurchaseRecorded purchase(String customer, String eventId, Instant at, String amount) {
        return PurchaseEvents.purchase(customer, eventId, at, amount);
    }

    @Test
    void aFirstPurchaseClassifiesTheCustomerOnEveryDimensionInOneChangeEachWithCloudEventHeaders() {
        fixture = new TopologyFixture(NOW, 200);
        PurchaseRecorded first = purchase("C-1", "e1", NOW.minus(Duration.ofDays(3)), "100.00");

        fixture.send(first);

        List<TestRecord<String, byte[]>> records = fixture.changes.readRecordsToList();
        List<SegmentChanged> changes = records.stream().map(r -> io.segstream.contracts.ContractJson.mapper()
                .readValue(r.value(), SegmentChanged.class)).toList();
        assertThat(changes).extracting(SegmentChanged::key).doesNotHaveDuplicates()
                .contains("value-tier", "frequency-tier", "lifecycle", "region", "rfm");
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.customerId()).isEqualTo("C-1");
            assertThat(change.causedBy()).isEqualTo("e1");
            assertThat(change.occurredAt()).isEqualTo(first.occurredAt());
        });
        assertThat(changes).filteredOn(change -> change.key().equals("lifecycle")).singleElement()
                .satisfies(change -> {
                    assertThat(change.from()).isNull();
                    assertThat(change.to()).isEqualTo("NEW");
                    assertThat(change.profile().recencyDays()).isEqualTo(3);
                    assertThat(change.profile().monetary()).isEqualByComparingTo("100.00");
                });
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("C-1");
            assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("io.segstream.segment.changed.v1");
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/segstream/segmentation");
            assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo(first.occurredAt().toString());
        });
        assertThat(records).extracting(record -> header(record, CloudEventHeaders.ID))
                .containsExactlyElementsOf(changes.stream().map(SegmentChanged::eventId).toList());
        assertThat(fixture.counter("segstream.segmentation.events.applied")).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventChangesNothingAndPublishesNothing() {
        fixture = new TopologyFixture(NOW, 200);
        PurchaseRecorded first = purchase("C-1", "e1", NOW.minus(Duration.ofDays(3)), "100.00");
        fixture.send(first);
        fixture.changes();
        byte[] stored = fixture.profiles().get("C-1");

        fixture.send(first);
        fixture.send(first);

        assertThat(fixture.changes()).isEmpty();
        assertThat(fixture.profiles().get("C-1")).isEqualTo(stored);
        assertThat(fixture.counter("segstream.segmentation.events.duplicates")).isEqualTo(2);
    }

    @Test
    void theProfileIsTheSameWhateverOrderTheEventsArriveInAndEachClassChangeIsPublishedOnce() {
        List<PurchaseRecorded> history = IntStream.range(0, 12).mapToObj(i -> purchase("C-7", "e" + i,
                NOW.minus(Duration.ofDays(300 - 20L * i)), (10 + i) + ".50")).toList();
        List<PurchaseRecorded> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, new Random(7));
        List<PurchaseRecorded> withRedeliveries = new ArrayList<>(shuffled);
        withRedeliveries.add(3, history.get(5));
        withRedeliveries.add(history.get(0));

        CustomerProfile inOrder = profileAfter(history);
        CustomerProfile outOfOrder = profileAfter(withRedeliveries);

        assertThat(outOfOrder.purchases()).isEqualTo(inOrder.purchases());
        assertThat(outOfOrder.figures(NOW, fixture.settings.policy()))
                .isEqualTo(inOrder.figures(NOW, fixture.settings.policy()));
    }

    private CustomerProfile profileAfter(List<PurchaseRecorded> events) {
        if (fixture != null) {
            fixture.close();
        }
        fixture = new TopologyFixture(NOW, 200);
        events.forEach(fixture::send);
        List<SegmentChanged> changes = fixture.changes();
        // Every change names a distinct (key, cause, class): none was published twice.
        assertThat(changes).extracting(SegmentChanged::eventId).doesNotHaveDuplicates();
        return ProfileCodec.decode(fixture.profiles().get("C-7"));
    }

    @Test
    void theSweepMovesASilentCustomerAtTheThresholdDrivenByTheWallClock() {
        fixture = new TopologyFixture(NOW, 200);
        Instant bought = NOW.minus(Duration.ofDays(89)).truncatedTo(ChronoUnit.DAYS);
        fixture.send(purchase("C-2", "e1", bought, "80.00"));
        fixture.send(purchase("C-2", "e2", bought.plus(Duration.ofHours(1)), "20.00"));
        fixture.changes();
        CustomerProfile stored = ProfileCodec.decode(fixture.profiles().get("C-2"));
        assertThat(stored.nextReevaluationAt()).isAfter(NOW);

        fixture.tick(Duration.ofHours(6));
        assertThat(fixture.changes()).as("nobody is due before the day turns").isEmpty();

        fixture.tick(Duration.ofHours(18));
        List<SegmentChanged> swept = fixture.changes();
        assertThat(swept).filteredOn(change -> change.key().equals("lifecycle")).singleElement()
                .satisfies(change -> {
                    assertThat(change.to()).isEqualTo("AT_RISK");
                    assertThat(change.causedBy()).isEqualTo("sweep");
                });
        assertThat(fixture.counter("segstream.segmentation.sweep.customers")).isEqualTo(1);

        fixture.tick(Duration.ofMinutes(5));
        assertThat(fixture.changes()).as("a swept customer is planned again, not swept twice").isEmpty();
    }

    @Test
    void aTaskWithoutCustomersReportsARedefinitionFinishedAtOnceSoTheRecomputationCanFinish() {
        fixture = new TopologyFixture(NOW, 3);
        SegmentDefinition tiers = SegmentDefinition.dimension("value-tier", "two tiers", List.of(
                new ClassRule("BIG", "profile.monetary365d >= 500.0"), new ClassRule("SMALL", "true")))
                .withVersion(2, NOW);
        String recomputation = fixture.define(tiers, true);

        fixture.tick(TopologyFixture.BACKGROUND);

        assertThat(fixture.progress()).singleElement().satisfies(progress -> {
            assertThat(progress.recomputationId()).isEqualTo(recomputation);
            assertThat(progress.total()).isZero();
            assertThat(progress.finished()).isTrue();
        });
        assertThat(fixture.changes()).isEmpty();
    }

    @Test
    void aRedefinitionIsAppliedInSlicesWhileEventsKeepFlowingAndReportsItsProgress() {
        fixture = new TopologyFixture(NOW, 3);
        for (int i = 0; i < 10; i++) {
            fixture.send(purchase("C-" + i, "e" + i, NOW.minus(Duration.ofDays(10)), (100 * (i + 1)) + ".00"));
        }
        fixture.changes();
        SegmentDefinition tiers = SegmentDefinition.dimension("value-tier", "two tiers", List.of(
                new ClassRule("BIG", "profile.monetary365d >= 500.0"), new ClassRule("SMALL", "true")))
                .withVersion(2, NOW);
        String recomputation = fixture.define(tiers, true);

        fixture.tick(TopologyFixture.BACKGROUND);
        List<SegmentChanged> firstSlice = fixture.changes();
        assertThat(firstSlice).hasSize(3).allSatisfy(change -> {
            assertThat(change.key()).isEqualTo("value-tier");
            assertThat(change.causedBy()).isEqualTo("redefinition");
            assertThat(change.definitionVersion()).isEqualTo(2);
        });
        assertThat(fixture.progress()).singleElement().satisfies(progress -> {
            assertThat(progress.recomputationId()).isEqualTo(recomputation);
            assertThat(progress.total()).isEqualTo(10);
            assertThat(progress.done()).isEqualTo(3);
            assertThat(progress.finished()).isFalse();
        });

        // An event between slices is classified with the new version at once; the slices do not move it again.
        fixture.send(purchase("C-9", "late", NOW, "5.00"));
        List<SegmentChanged> byTheEvent = fixture.changes().stream()
                .filter(change -> change.key().equals("value-tier")).toList();
        assertThat(byTheEvent).singleElement().satisfies(change -> {
            assertThat(change.definitionVersion()).isEqualTo(2);
            assertThat(change.causedBy()).isEqualTo("late");
        });

        for (int i = 0; i < 4; i++) {
            fixture.tick(TopologyFixture.BACKGROUND);
        }
        List<SegmentChanged> laterSlices = fixture.changes();
        assertThat(laterSlices).extracting(SegmentChanged::customerId).doesNotContain("C-9")
                .doesNotContainAnyElementsOf(firstSlice.stream().map(SegmentChanged::customerId).toList());
        Map<String, String> classes = new java.util.TreeMap<>();
        firstSlice.forEach(change -> classes.put(change.customerId(), change.to()));
        byTheEvent.forEach(change -> classes.put(change.customerId(), change.to()));
        laterSlices.forEach(change -> classes.put(change.customerId(), change.to()));
        assertThat(classes).hasSize(10);
        assertThat(classes.values().stream().collect(Collectors.groupingBy(c -> c, Collectors.counting())))
                .containsEntry("BIG", 6L).containsEntry("SMALL", 4L);
        assertThat(fixture.progress()).last().satisfies(progress -> {
            assertThat(progress.done()).isEqualTo(10);
            assertThat(progress.finished()).isTrue();
        });
    }

    @Test
    void anErasureDeletesTheProfileAndLaterCopiesOfItsEventsAreDropped() {
        fixture = new TopologyFixture(NOW, 200);
        PurchaseRecorded before = purchase("C-3", "e1", NOW.minus(Duration.ofDays(2)), "10.00");
        fixture.send(before);
        fixture.changes();

        fixture.erase("C-3", NOW.minus(Duration.ofDays(1)));
        assertThat(fixture.profiles().get("C-3")).isNull();
        assertThat(fixture.changes()).isEmpty();

        fixture.send(before);
        assertThat(fixture.profiles().get("C-3")).isNull();
        assertThat(fixture.counter("segstream.erasure.suppressed")).isEqualTo(1);

        fixture.send(purchase("C-3", "e2", NOW, "12.00"));
        assertThat(ProfileCodec.decode(fixture.profiles().get("C-3")).purchases()).extracting(p -> p.eventId())
                .containsExactly("e2");
    }

    @Test
    void rfmScoresComeFromThePopulationTheTasksPublishAndAMovedPopulationRescoresEveryone() {
        fixture = new TopologyFixture(NOW, 200);
        for (int i = 0; i < 20; i++) {
            fixture.send(purchase("C-" + i, "e" + i, NOW.minus(Duration.ofDays(i + 1)), (10 * (i + 1)) + ".00"));
        }
        List<SegmentChanged> scoredAlone = fixture.changes().stream()
                .filter(change -> change.key().equals("rfm")).toList();
        assertThat(scoredAlone).hasSize(20);

        fixture.tick(TopologyFixture.SUMMARY);
        fixture.relaySummaries();
        fixture.tick(TopologyFixture.SUMMARY);
        // Re-scored against the 20: the most recent, frequent big spenders no longer sit in the middle.
        for (int i = 0; i < 3; i++) {
            fixture.tick(TopologyFixture.BACKGROUND);
        }
        List<SegmentChanged> rescored = fixture.changes();
        assertThat(rescored).isNotEmpty().allSatisfy(change -> assertThat(change.causedBy()).isEqualTo("sweep"));
        assertThat(rescored).filteredOn(change -> change.customerId().equals("C-0") && change.key().equals("rfm"))
                .singleElement().satisfies(change -> assertThat(change.profile().rfm()).startsWith("5"));
    }

    @Test
    void aRescoringReevaluatesAtMostASliceOfMovedCustomersPerRoundOfBackgroundWork() {
        fixture = new TopologyFixture(NOW, 2);
        for (int i = 0; i < 20; i++) {
            fixture.send(purchase("C-" + i, "e" + i, NOW.minus(Duration.ofDays(i + 1)), (10 * (i + 1)) + ".00"));
        }
        fixture.changes();
        fixture.tick(TopologyFixture.SUMMARY);
        fixture.relaySummaries();
        fixture.tick(TopologyFixture.SUMMARY);
        java.util.Set<String> rescored = new java.util.HashSet<>(rescoredCustomers(fixture.changes()));

        for (int round = 0; round < 15; round++) {
            fixture.tick(TopologyFixture.BACKGROUND);
            List<String> thisRound = rescoredCustomers(fixture.changes());
            assertThat(new java.util.HashSet<>(thisRound)).as("customers re-scored in round " + round)
                    .hasSizeLessThanOrEqualTo(2);
            rescored.addAll(thisRound);
        }
        assertThat(rescored).as("every moved customer, a slice at a time").hasSizeGreaterThan(4).contains("C-0");
    }

    private static List<String> rescoredCustomers(List<SegmentChanged> changes) {
        return changes.stream().filter(change -> change.key().equals("rfm")).map(SegmentChanged::customerId)
                .toList();
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
