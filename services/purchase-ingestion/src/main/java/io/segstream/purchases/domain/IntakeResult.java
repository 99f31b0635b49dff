package io.segstream.purchases.domain;

import io.segstream.contracts.Channel;

/**
 * The outcome of one submission.
 *
 * @param eventId   the submission's eventId, or null when it could not be read
 * @param status    accepted, duplicate or rejected
 * @param published for an accepted event: whether Kafka acknowledged it already (false: the relay publishes it)
 * @param rejection why it was rejected, or null
 * @param channel   the submission's channel when known (a metric tag), or null
 */
public record IntakeResult(String eventId, IntakeStatus status, boolean published, Rejection rejection,
                           Channel channel) {

    static IntakeResult accepted(String eventId, boolean published, Channel channel) {
        return new IntakeResult(eventId, IntakeStatus.ACCEPTED, published, null, channel);
    }

    static IntakeResult duplicate(String eventId, Channel channel) {
        return new IntakeResult(eventId, IntakeStatus.DUPLICATE, false, null, channel);
    }

    static IntakeResult rejected(String eventId, Rejection rejection, Channel channel) {
        return new IntakeResult(eventId, IntakeStatus.REJECTED, false, rejection, channel);
    }
}
