package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.segstream.feedback.domain.FeedbackMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackIntakeTest {
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final List<String> observed = new ArrayList<>();
    private final FeedbackIntake intake = new FeedbackIntake(new FeedbackRules(FeedbackRulesTest.LIMITS),
            new FeedbackUnderstanding(ProductionUnderstanding.text()), ledger, new IntakeObserver() {
                @Override
                public void accepted(FeedbackKind kind, IntakePath path, Sentiment sentiment) {
                    observed.add("accepted " + kind + " " + path + " " + sentiment);
                }

                @Override
                public void duplicate(FeedbackKind kind, IntakePath path) {
                    observed.add("duplicate " + kind + " " + path);
                }

                @Override
                public void rejected(FeedbackKind kind, String code, IntakePath path) {
                    observed.add("rejected " + kind + " " + code + " " + path);
                }
            }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsUnderstandsAndRecordsInOneBulkCall() {
        List<IntakeOutcome> outcomes = intake.receive(List.of(
                FeedbackMother.nps(3).eventId("a").text("价格太贵").submission(),
                FeedbackMother.csat(5).eventId("b").text("质量很好").submission()), IntakePath.KAFKA);

        assertThat(outcomes).extracting(IntakeOutcome::status).containsOnly(IntakeOutcome.Status.ACCEPTED);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.published()).isTrue());
        assertThat(ledger.recordCalls).isEqualTo(1);
        RecordedFeedback a = ledger.recorded.get("a");
        assertThat(a.event().topics()).containsExactly(FeedbackTopic.PRICE);
        assertThat(a.event().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(a.event().recordedAt()).isEqualTo(NOW);
        assertThat(a.understanding().topicsDerived()).isTrue();
        assertThat(a.understanding().basis()).isEqualTo(SentimentBasis.AGREEMENT);
        assertThat(a.npsCategory()).isEqualTo(NpsCategory.DETRACTOR);
        assertThat(observed).containsExactly("accepted NPS_SURVEY KAFKA NEGATIVE",
                "accepted CSAT_SURVEY KAFKA POSITIVE");
    }

    @Test
    void theSendersTopicsAreKeptDeduplicated() {
        intake.receive(FeedbackMother.nps(9).eventId("t").text("价格太贵")
                .topics(List.of(FeedbackTopic.SERVICE, FeedbackTopic.SERVICE, FeedbackTopic.QUALITY))
                .submission(), IntakePath.HTTP);
        RecordedFeedback t = ledger.recorded.get("t");
        assertThat(t.event().topics()).containsExactly(FeedbackTopic.QUALITY, FeedbackTopic.SERVICE);
        assertThat(t.understanding().topicsDerived()).isFalse();
    }

    @Test
    void noTextGivesNoTopicsAndTheScoreDecides() {
        intake.receive(FeedbackMother.nps(10).eventId("n").submission(), IntakePath.HTTP);
        RecordedFeedback n = ledger.recorded.get("n");
        assertThat(n.event().topics()).isEmpty();
        assertThat(n.event().sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(n.understanding().basis()).isEqualTo(SentimentBasis.SCORE);
    }

    @Test
    void duplicatesWithinACallAndAcrossCalls() {
        intake.receive(FeedbackMother.nps(9).eventId("x").submission(), IntakePath.HTTP);
        List<IntakeOutcome> outcomes = intake.receive(List.of(
                FeedbackMother.nps(9).eventId("x").submission(),
                FeedbackMother.nps(9).eventId("y").submission(),
                FeedbackMother.nps(2).eventId("y").submission()), IntakePath.KAFKA);

        assertThat(outcomes).extracting(IntakeOutcome::status).containsExactly(IntakeOutcome.Status.DUPLICATE,
                IntakeOutcome.Status.ACCEPTED, IntakeOutcome.Status.DUPLICATE);
        assertThat(ledger.recorded.get("y").event().score()).as("the first occurrence counts").isEqualTo(9);
        assertThat(observed).containsExactly("accepted NPS_SURVEY HTTP POSITIVE", "duplicate NPS_SURVEY KAFKA",
                "accepted NPS_SURVEY KAFKA POSITIVE", "duplicate NPS_SURVEY KAFKA");
    }

    @Test
    void rejectedAndUnreadableItemsAreNotRecordedTheRestIs() {
        List<IntakeOutcome> outcomes = intake.receive(List.of(
                Submission.unreadable(new Rejection(RejectionCodes.MALFORMED_JSON, "not JSON"), null),
                FeedbackMother.nps(11).eventId("bad").submission(),
                FeedbackMother.nps(9).eventId("good").submission()), IntakePath.KAFKA);

        assertThat(outcomes).extracting(IntakeOutcome::status).containsExactly(IntakeOutcome.Status.REJECTED,
                IntakeOutcome.Status.REJECTED, IntakeOutcome.Status.ACCEPTED);
        assertThat(outcomes.get(1).rejection().code()).isEqualTo(RejectionCodes.SCORE_OUT_OF_RANGE);
        assertThat(outcomes.get(1).eventId()).isEqualTo("bad");
        assertThat(ledger.recorded).containsOnlyKeys("good");
        assertThat(observed).containsExactly("rejected null MALFORMED_JSON KAFKA",
                "rejected NPS_SURVEY SCORE_OUT_OF_RANGE KAFKA", "accepted NPS_SURVEY KAFKA POSITIVE");
    }

    @Test
    void aPublicationLeftToTheRelayIsStillAccepted() {
        ledger.kafkaAway = true;
        IntakeOutcome outcome = intake.receive(FeedbackMother.nps(9).submission(), IntakePath.HTTP);
        assertThat(outcome.status()).isEqualTo(IntakeOutcome.Status.ACCEPTED);
        assertThat(outcome.published()).isFalse();
    }

    @Test
    void anUnavailableStoreFailsTheWholeCall() {
        ledger.storeAway = true;
        assertThatThrownBy(() -> intake.receive(FeedbackMother.nps(9).submission(), IntakePath.KAFKA))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(observed).isEmpty();
    }

    @Test
    void onlyRejectionsNeedNoStore() {
        ledger.storeAway = true;
        IntakeOutcome outcome = intake.receive(FeedbackMother.nps(12).submission(), IntakePath.KAFKA);
        assertThat(outcome.status()).isEqualTo(IntakeOutcome.Status.REJECTED);
    }

    /** Tombstones in memory, counting the queries and the suppressed events. */
    static final class FakeTombstones implements Tombstones {
        final Map<String, Instant> erased = new HashMap<>();
        final List<Collection<String>> queries = new ArrayList<>();
        long suppressed;

        @Override
        public Map<String, Instant> erasedAmong(Collection<String> customerIds) {
            queries.add(List.copyOf(customerIds));
            Map<String, Instant> found = new HashMap<>(erased);
            found.keySet().retainAll(customerIds);
            return found;
        }

        @Override
        public void countSuppressed(long events) {
            suppressed += events;
        }
    }

    @Test
    void eventsOfAnErasedCustomerUpToTheErasureAreSuppressedLaterOnesAccepted() {
        FakeTombstones tombstones = new FakeTombstones();
        Instant erasedAt = NOW.minusSeconds(600);
        tombstones.erased.put("C-gone", erasedAt);
        FeedbackIntake withTombstones = new FeedbackIntake(new FeedbackRules(FeedbackRulesTest.LIMITS),
                new FeedbackUnderstanding(ProductionUnderstanding.text()), ledger, new IgnoringObserver(),
                tombstones, Clock.fixed(NOW, ZoneOffset.UTC));

        List<IntakeOutcome> outcomes = withTombstones.receive(List.of(
                FeedbackMother.nps(9).eventId("old").customerId("C-gone").occurredAt(erasedAt.minusSeconds(1))
                        .submission(),
                FeedbackMother.nps(9).eventId("same-instant").customerId("C-gone").occurredAt(erasedAt).submission(),
                FeedbackMother.nps(42).eventId("old-and-bad").customerId("C-gone").occurredAt(erasedAt.minusSeconds(5))
                        .submission(),
                FeedbackMother.nps(9).eventId("newer").customerId("C-gone").occurredAt(erasedAt.plusMillis(1))
                        .submission(),
                FeedbackMother.nps(9).eventId("other").customerId("C-here").occurredAt(erasedAt.minusSeconds(1))
                        .submission(),
                FeedbackMother.referral("C-gone").eventId("late-referral").customerId("C-here")
                        .occurredAt(erasedAt.minusSeconds(1)).submission(),
                FeedbackMother.referral("C-gone").eventId("new-referral").customerId("C-here")
                        .occurredAt(erasedAt.plusSeconds(1)).submission()), IntakePath.KAFKA);

        assertThat(outcomes).extracting(IntakeOutcome::status).containsExactly(IntakeOutcome.Status.SUPPRESSED,
                IntakeOutcome.Status.SUPPRESSED, IntakeOutcome.Status.SUPPRESSED, IntakeOutcome.Status.ACCEPTED,
                IntakeOutcome.Status.ACCEPTED, IntakeOutcome.Status.ACCEPTED, IntakeOutcome.Status.ACCEPTED);
        assertThat(outcomes.get(0).rejection().code()).isEqualTo(RejectionCodes.CUSTOMER_ERASED);
        assertThat(outcomes.get(0).rejection().message()).doesNotContain("C-gone");
        assertThat(tombstones.queries).as("one query per batch").hasSize(1);
        assertThat(tombstones.queries.get(0)).containsExactlyInAnyOrder("C-gone", "C-here");
        assertThat(tombstones.suppressed).isEqualTo(3);
        assertThat(ledger.recorded).containsOnlyKeys("newer", "other", "late-referral", "new-referral");
        assertThat(ledger.recorded.get("late-referral").event().referredCustomerId())
                .as("a late referral keeps no erased id").isNull();
        assertThat(ledger.recorded.get("new-referral").event().referredCustomerId()).isEqualTo("C-gone");
    }

    @Test
    void noTombstoneQueryWhenNothingNamesACustomer() {
        FakeTombstones tombstones = new FakeTombstones();
        new FeedbackIntake(new FeedbackRules(FeedbackRulesTest.LIMITS),
                new FeedbackUnderstanding(ProductionUnderstanding.text()), ledger, new IgnoringObserver(),
                tombstones, Clock.fixed(NOW, ZoneOffset.UTC)).receive(List.of(
                Submission.unreadable(new Rejection(RejectionCodes.MALFORMED_JSON, "not JSON"), null)),
                IntakePath.KAFKA);
        assertThat(tombstones.queries).isEmpty();
    }

    @Test
    void thePublishedEventCarriesTheTextOnlyWhenAskedTo() {
        intake.receive(FeedbackMother.nps(3).eventId("txt").text("ring 5550").submission(), IntakePath.HTTP);
        RecordedFeedback recorded = ledger.recorded.get("txt");
        assertThat(recorded.event().text()).as("kept in the service").isEqualTo("ring 5550");
        assertThat(recorded.published(false).text()).isNull();
        assertThat(recorded.published(false)).usingRecursiveComparison().ignoringFields("text")
                .isEqualTo(recorded.event());
        assertThat(recorded.published(true)).isEqualTo(recorded.event());
    }

    static final class IgnoringObserver implements IntakeObserver {
        @Override
        public void accepted(FeedbackKind kind, IntakePath path, Sentiment sentiment) {
        }

        @Override
        public void duplicate(FeedbackKind kind, IntakePath path) {
        }

        @Override
        public void rejected(FeedbackKind kind, String code, IntakePath path) {
        }
    }

    @Test
    void npsRollupOfAPeriod() {
        intake.receive(List.of(FeedbackMother.nps(10).submission(), FeedbackMother.nps(9).submission(),
                FeedbackMother.nps(3).submission(), FeedbackMother.nps(7).channel(null).submission(),
                FeedbackMother.csat(5).submission()), IntakePath.HTTP);
        NpsReport report = new NpsRollup(ledger).between(NOW.minusSeconds(86_400), NOW);
        assertThat(report.overall()).isEqualTo(new NpsTally(2, 1, 1));
        assertThat(report.overall().nps()).isEqualByComparingTo("25.0");
        assertThat(report.byChannel()).hasSize(2);
        assertThat(report.byChannel().get(1).channel()).as("unnamed channel last").isNull();
        assertThatThrownBy(() -> new NpsRollup(ledger).between(NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
