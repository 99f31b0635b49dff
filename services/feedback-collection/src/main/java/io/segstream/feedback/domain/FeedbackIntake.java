package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.feedback.FeedbackSubmitted;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one way feedback comes in, from HTTP and Kafka alike: check the rules, understand the text, record what is
 * new in one bulk write (which publishes it through the outbox), and say per item what happened. Idempotent by
 * eventId: within a call the first occurrence counts, across calls, instances and restarts the ledger knows.
 */
public final class FeedbackIntake {
    private final FeedbackRules rules;
    private final FeedbackUnderstanding understanding;
    private final FeedbackLedger ledger;
    private final IntakeObserver observer;
    private final Clock clock;

    public FeedbackIntake(FeedbackRules rules, FeedbackUnderstanding understanding, FeedbackLedger ledger,
                          IntakeObserver observer, Clock clock) {
        this.rules = rules;
        this.understanding = understanding;
        this.ledger = ledger;
        this.observer = observer;
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
            Optional<Rejection> broken = rules.check(item, now);
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
        for (int i = 0; i < outcomes.length; i++) {
            observe(submissions.get(i), outcomes[i], path);
        }
        return List.of(outcomes);
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
            case REJECTED -> observer.rejected(kind, outcome.rejection().code(), path);
        }
    }
}
