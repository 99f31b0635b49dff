package io.segstream.feedback.domain;

/**
 * What became of one submitted piece of feedback.
 *
 * @param status    accepted (recorded now), duplicate (its eventId was recorded before), rejected, or suppressed
 *                  (an event of an erased customer that occurred at or before the erasure: not recorded, and on
 *                  Kafka not dead-lettered either)
 * @param eventId   its eventId, when it had one
 * @param recorded  what was recorded, for an accepted one
 * @param published for an accepted one: feedback.recorded.v1 is acknowledged (false: the outbox relay sends it)
 * @param rejection why it was refused, for a rejected or suppressed one
 */
public record IntakeOutcome(Status status, String eventId, RecordedFeedback recorded, boolean published,
                            Rejection rejection) {
    public enum Status {
        ACCEPTED, DUPLICATE, REJECTED, SUPPRESSED
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

    static IntakeOutcome suppressed(String eventId) {
        return new IntakeOutcome(Status.SUPPRESSED, eventId, null, false, new Rejection(RejectionCodes.CUSTOMER_ERASED,
                "the customer was erased after this event occurred; it is not recorded"));
    }
}
