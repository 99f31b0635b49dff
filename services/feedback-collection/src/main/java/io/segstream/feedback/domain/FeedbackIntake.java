package io.segstream.feedback.domain;

import io.segstream.contracts.erasure.ErasureCutoff;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.feedback.FeedbackSubmitted;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one way feedback comes in, from HTTP and Kafka alike: check the rules, understand the text, record what is
 * new in one bulk write (which publishes it through the outbox), and say per item what happened. Idempotent by
 * eventId: within a call the first occurrence counts, across calls, instances and restarts the ledger knows.
 * <p>
 * Erased customers: an event of a customer erased at or after the moment it occurred (a redelivery, a replay, a late
 * arrival) is suppressed before any other check (so it is never dead-lettered, which would keep its personal data);
 * an event that occurred after the erasure is a new relationship and goes through as for a new customer. A late
 * referral that names an erased customer as the referred one (and occurred at or before that erasure) is recorded
 * without the erased id. The tombstones are asked once per call, not per item.
 */
public final class FeedbackIntake {
    private final FeedbackRules rules;
    private final FeedbackUnderstanding understanding;
    private final FeedbackLedger ledger;
    private final IntakeObserver observer;
    private final Tombstones tombstones;
    private final Clock clock;

    /** An intake that knows of no erased customers. */
    public FeedbackIntake(FeedbackRules rules, FeedbackUnderstanding understanding, FeedbackLedger ledger,
                          IntakeObserver observer, Clock clock) {
        this(rules, understanding, ledger, observer, Tombstones.NONE, clock);
    }

    public FeedbackIntake(FeedbackRules rules, FeedbackUnderstanding understanding, FeedbackLedger ledger,
                          IntakeObserver observer, Tombstones tombstones, Clock clock) {
        this.rules = rules;
        this.understanding = understanding;
        this.ledger = ledger;
        this.observer = observer;
        this.tombstones = tombstones;
        this.clock = clock;
    }

    public IntakeOutcome receive(Submission submission, IntakePath path) {
        return receive(List.of(submission), path).get(0);
    }

    /**
     * Outcomes in the order of {@code submissions}.
     *
     * @throws StoreUnavailableException when the store is away: nothing of this call is known to be recorded
     */
    public List<IntakeOutcome> receive(List<Submission> submissions, IntakePath path) {
        Instant now = clock.instant();
        Map<String, Instant> erased = erasedAmong(submissions);
        int suppressed = 0;
        IntakeOutcome[] outcomes = new IntakeOutcome[submissions.size()];
        Set<String> seen = new HashSet<>();
        List<RecordedFeedback> candidates = new ArrayList<>();
        List<Integer> candidateIndexes = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            Submission submission = submissions.get(i);
            if (submission.feedback() == null) {
                outcomes[i] = IntakeOutcome.rejected(submission.eventId(), submission.unreadable());
                continue;
            }
            FeedbackSubmitted item = submission.feedback();
            if (item.customerId() != null
                    && ErasureCutoff.suppresses(erased, item.customerId(), item.occurredAt())) {
                outcomes[i] = IntakeOutcome.suppressed(item.eventId());
                suppressed++;
                continue;
            }
            Optional<Rejection> broken = rules.check(item, now);
            if (broken.isEmpty() && item.referredCustomerId() != null
                    && ErasureCutoff.suppresses(erased, item.referredCustomerId(), item.occurredAt())) {
                // A late referral naming an erased customer is kept, without the erased id.
                item = withoutReferred(item);
            }
            if (broken.isPresent()) {
                outcomes[i] = IntakeOutcome.rejected(item.eventId(), broken.get());
            } else if (!seen.add(item.eventId())) {
                outcomes[i] = IntakeOutcome.duplicate(item.eventId());
            } else {
                candidates.add(understand(item, now));
                candidateIndexes.add(i);
            }
        }
        List<Recording> recordings = candidates.isEmpty() ? List.of() : ledger.record(candidates);
        for (int c = 0; c < candidates.size(); c++) {
            RecordedFeedback candidate = candidates.get(c);
            outcomes[candidateIndexes.get(c)] = switch (recordings.get(c)) {
                case PUBLISHED -> IntakeOutcome.accepted(candidate, true);
                case PENDING -> IntakeOutcome.accepted(candidate, false);
                case DUPLICATE -> IntakeOutcome.duplicate(candidate.event().eventId());
            };
        }
        if (suppressed > 0) {
            tombstones.countSuppressed(suppressed);
        }
        for (int i = 0; i < outcomes.length; i++) {
            observe(submissions.get(i), outcomes[i], path);
        }
        return List.of(outcomes);
    }

    /** One query for the whole call (customers and the customers they refer); none when nothing names one. */
    private Map<String, Instant> erasedAmong(List<Submission> submissions) {
        Set<String> customers = new HashSet<>();
        for (Submission submission : submissions) {
            if (submission.feedback() != null) {
                customers.add(submission.feedback().customerId());
                customers.add(submission.feedback().referredCustomerId());
            }
        }
        customers.remove(null);
        return customers.isEmpty() ? Map.of() : Objects.requireNonNull(tombstones.erasedAmong(customers));
    }

    private static FeedbackSubmitted withoutReferred(FeedbackSubmitted f) {
        return new FeedbackSubmitted(f.eventId(), f.kind(), f.customerId(), f.occurredAt(), f.score(), f.text(),
                f.orderId(), f.channel(), f.topics(), null, f.severity(), f.source());
    }

    private RecordedFeedback understand(FeedbackSubmitted item, Instant now) {
        Understanding understood = understanding.understand(item);
        FeedbackRecorded event = item.recorded(now, understood.topics(), understood.sentiment());
        return new RecordedFeedback(event, understood);
    }

    private void observe(Submission submission, IntakeOutcome outcome, IntakePath path) {
        FeedbackKind kind = submission.feedback() == null ? null : submission.feedback().kind();
        switch (outcome.status()) {
            case ACCEPTED -> observer.accepted(kind, path, outcome.recorded().understanding().sentiment());
            case DUPLICATE -> observer.duplicate(kind, path);
            case REJECTED, SUPPRESSED -> observer.rejected(kind, outcome.rejection().code(), path);
        }
    }
}
