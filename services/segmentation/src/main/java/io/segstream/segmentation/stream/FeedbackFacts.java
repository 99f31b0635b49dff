package io.segstream.segmentation.stream;

import io.segstream.contracts.Ids;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.runtime.messaging.ContractViolation;
import io.segstream.segmentation.domain.FeedbackFact;
import io.segstream.segmentation.domain.FeedbackKind;

import java.util.List;
import java.util.Objects;

/**
 * Translates recorded feedback into what a profile keeps: never the free text, nor the referred customer's id.
 * Refuses (as a {@link ContractViolation}) feedback that lacks what the figures need; messages name the field only.
 */
final class FeedbackFacts {

    private FeedbackFacts() {
    }

    static FeedbackFact from(FeedbackRecorded event) {
        requireId("eventId", event.eventId());
        requireId("customerId", event.customerId());
        require("kind", event.kind());
        require("occurredAt", event.occurredAt());
        List<String> topics = event.topics() == null ? List.of()
                : event.topics().stream().filter(Objects::nonNull).map(FeedbackTopic::name).distinct().toList();
        return new FeedbackFact(event.eventId(), event.customerId(), FeedbackKind.valueOf(event.kind().name()),
                event.occurredAt(), event.score(), event.sentiment() == null ? null : event.sentiment().name(),
                topics);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new ContractViolation(ContractDecoder.INVALID_FIELD, "field " + field + " is missing");
        }
    }

    private static void requireId(String field, String value) {
        require(field, value);
        if (!Ids.isValid(value)) {
            throw new ContractViolation(ContractDecoder.INVALID_FIELD, "field " + field + " is not a valid id");
        }
    }
}
