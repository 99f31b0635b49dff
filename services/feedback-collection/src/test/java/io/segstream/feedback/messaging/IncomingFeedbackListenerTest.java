package io.segstream.feedback.messaging;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.feedback.domain.FeedbackIntake;
import io.segstream.feedback.domain.FeedbackMother;
import io.segstream.feedback.domain.FeedbackRules;
import io.segstream.feedback.domain.FeedbackUnderstanding;
import io.segstream.feedback.domain.InMemoryLedger;
import io.segstream.feedback.domain.IntakeLimits;
import io.segstream.feedback.domain.IntakeObserver;
import io.segstream.feedback.domain.IntakePath;
import io.segstream.feedback.domain.Lexicon;
import io.segstream.feedback.domain.TextUnderstanding;
import io.segstream.feedback.domain.UnderstandingSettings;
import io.segstream.runtime.messaging.DeadLetterPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class IncomingFeedbackListenerTest {
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final DeadLetterPublisher deadLetters = mock(DeadLetterPublisher.class);
    private final IncomingFeedbackListener listener = new IncomingFeedbackListener(new FeedbackDecoder(10_000),
            new FeedbackIntake(new FeedbackRules(new IntakeLimits(Duration.ofMinutes(5), Duration.ofDays(730))),
                    new FeedbackUnderstanding(new TextUnderstanding(Lexicon.of(List.of()),
                            new UnderstandingSettings(3, 0.75, 0.5, 1.5, 0.5, 6, 1.5))),
                    ledger, new IgnoringObserver(), Clock.fixed(FeedbackMother.NOW, ZoneOffset.UTC)),
            deadLetters);

    @Test
    void aPollIsRecordedInOneCallAndOnlyBadMessagesAreDeadLettered() {
        ConsumerRecord<String, byte[]> good = record(0, ContractJson.mapper().writeValueAsBytes(
                FeedbackMother.nps(9).eventId("good").build()));
        ConsumerRecord<String, byte[]> broken = record(1, "{".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> again = record(2, good.value());
        ConsumerRecord<String, byte[]> outOfRange = record(3, ContractJson.mapper().writeValueAsBytes(
                FeedbackMother.nps(42).eventId("range").build()));

        listener.onFeedback(List.of(good, broken, again, outOfRange));

        assertThat(ledger.recordCalls).as("one bulk write per poll").isEqualTo(1);
        assertThat(ledger.recorded).containsOnlyKeys("good");
        verify(deadLetters).deadLetter(eq(broken), eq("MALFORMED_JSON"), anyString());
        verify(deadLetters).deadLetter(eq(outOfRange), eq("SCORE_OUT_OF_RANGE"), anyString());
        verify(deadLetters, times(2)).deadLetter(any(), anyString(), anyString());
    }

    @Test
    void oldMessagesOfAnErasedCustomerAreDroppedNotDeadLettered() {
        java.time.Instant erasedAt = FeedbackMother.NOW.minusSeconds(60);
        IncomingFeedbackListener withTombstones = new IncomingFeedbackListener(new FeedbackDecoder(10_000),
                new FeedbackIntake(new FeedbackRules(new IntakeLimits(Duration.ofMinutes(5),
                        Duration.ofDays(730))), new FeedbackUnderstanding(new TextUnderstanding(Lexicon.of(List.of()),
                        new UnderstandingSettings(3, 0.75, 0.5, 1.5, 0.5, 6, 1.5))), ledger, new IgnoringObserver(),
                        new io.segstream.feedback.domain.Tombstones() {
                            @Override
                            public java.util.Map<String, java.time.Instant> erasedAmong(
                                    java.util.Collection<String> customerIds) {
                                return java.util.Map.of("C-10023", erasedAt);
                            }

                            @Override
                            public void countSuppressed(long events) {
                            }
                        }, Clock.fixed(FeedbackMother.NOW, ZoneOffset.UTC)), deadLetters);
        ConsumerRecord<String, byte[]> old = record(0, ContractJson.mapper().writeValueAsBytes(
                FeedbackMother.nps(42).eventId("old").occurredAt(erasedAt.minusSeconds(1)).build()));
        ConsumerRecord<String, byte[]> newer = record(1, ContractJson.mapper().writeValueAsBytes(
                FeedbackMother.nps(9).eventId("newer").occurredAt(erasedAt.plusSeconds(1)).build()));

        withTombstones.onFeedback(List.of(old, newer));

        assertThat(ledger.recorded).containsOnlyKeys("newer");
        verify(deadLetters, times(0)).deadLetter(any(), anyString(), anyString());
    }

    @Test
    void onlyWellFormedEventIdsAreLogged() {
        assertThat(IncomingFeedbackListener.loggable("ev-1")).isEqualTo("ev-1");
        assertThat(IncomingFeedbackListener.loggable(null)).isNull();
        for (String forged : List.of("x\nERROR forged line", "a".repeat(5000), "\u202eevil", "li.lei@example.com x")) {
            assertThat(IncomingFeedbackListener.loggable(forged)).isEqualTo("(not a valid id)");
        }
    }

    private static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.FEEDBACK_INCOMING, 0, offset, "C-10023", value);
    }

    private static final class IgnoringObserver implements IntakeObserver {
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
}
