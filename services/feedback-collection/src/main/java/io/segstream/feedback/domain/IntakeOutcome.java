package io.segstream.feedback.domain;

/**
 * What became of one submitted piece of feedback.
 *
 * @param status    accepted (recorded now), duplicate (its eventId was recorded before) or rejected
 * @param eventId   its eventId, when it had one
 * @param recorded  what was recorded, for an accepted one
 * @param published for an accepted one: feedback.recorded.v1 is acknowledged (false: the outbox relay sends it)
 * @param rejection why it was refused, for a rejected one
 */
public record IntakeOutcome(Status status, String eventId, RecordedFeedback recorded, boolean published,
                            Rejection rejection) {
    public enum Status {
        ACCEPTED, DUPLICATE, REJECTED
    }

    static IntakeOutcome accepted(RecordedFeedback recorded, boolean published) {
        return new IntakeOutcome(Status.ACCEPTED, recorded.event().eventId(), recorded, published, null);
    }

    static IntakeOutcome duplicate(String eventId) {
        return new IntakeOutcome(Status.DUPLICATE, eventId, null, false, null);
    }

    static IntakeOutcome rejected(String eventId, Rejection rejection) {
        return new IntakeOutcome(Status.REJECTED, eventId, null, false, rejection);
    }
}
