package io.segstream.feedback.messaging;

import io.segstream.contracts.Channel;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.feedback.domain.Rejection;
import io.segstream.feedback.domain.RejectionCodes;
import io.segstream.feedback.domain.Submission;
import io.segstream.runtime.messaging.MalformedBatchException;
import io.segstream.runtime.messaging.SubmissionReader;
import io.segstream.runtime.messaging.SubmissionReader.FieldFault;
import io.segstream.runtime.messaging.SubmissionReader.Read;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON into submissions for the intake, for both paths (a Kafka message, an HTTP body, one element of a batch
 * body), so the same fault gets the same code everywhere: MALFORMED_JSON for syntax, INVALID_FIELD (naming the field
 * and, for enumerations, the allowed values) for JSON that does not fit the contract, PAYLOAD_TOO_LARGE and
 * EMPTY_PAYLOAD for messages. Messages never echo values.
 */
public final class FeedbackDecoder {
    private static final Map<String, String> ALLOWED = Map.of(
            "kind", Arrays.toString(FeedbackKind.values()),
            "channel", Arrays.toString(Channel.values()),
            "topics", Arrays.toString(FeedbackTopic.values()),
            "severity", Arrays.toString(ComplaintSeverity.values()));

    private final SubmissionReader<FeedbackSubmitted> reader;

    /** @param maxBytes largest single message or request body (a batch body is limited by the HTTP layer) */
    public FeedbackDecoder(int maxBytes) {
        // The contract mapper, refusing a score of 7.5 instead of truncating it to 7 (Jackson's default).
        this.reader = new SubmissionReader<>(FeedbackSubmitted.class,
                ContractJson.mapper().rebuild().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).build(),
                maxBytes, FeedbackDecoder::fault, "feedback events", FeedbackSubmitted::eventId);
    }

    public Submission decode(byte[] value) {
        return submission(reader.read(value));
    }

    /**
     * The elements of a batch body, each decoded on its own.
     *
     * @throws MalformedBatchException when the body is not a JSON array
     */
    public List<Submission> decodeBatch(byte[] body) {
        return reader.readBatch(body).stream().map(FeedbackDecoder::submission).toList();
    }

    Submission decodeElement(JsonNode element) {
        return submission(reader.readElement(element));
    }

    private static Submission submission(Read<FeedbackSubmitted> read) {
        return read.isReadable() ? Submission.of(read.value())
                : Submission.unreadable(new Rejection(read.code(), read.message()), read.eventId());
    }

    /** The outermost property names the fault: topics[1] is a problem with the topics. */
    private static FieldFault fault(List<String> properties, DatabindException cause) {
        String field = properties.get(0);
        String allowed = ALLOWED.get(field);
        String why = allowed != null ? " must be one of " + allowed
                : field.equals("occurredAt") ? " must be an ISO-8601 instant such as 2026-11-21T10:00:00Z"
                : field.equals("score") ? " must be a whole number"
                : " has the wrong type or an invalid value";
        return new FieldFault(RejectionCodes.INVALID_FIELD, why);
    }
}
