package io.segstream.feedback.messaging;

import io.segstream.contracts.Channel;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.feedback.domain.Rejection;
import io.segstream.feedback.domain.RejectionCodes;
import io.segstream.feedback.domain.Submission;
import io.segstream.runtime.messaging.JsonErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
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
    /** The contract mapper, refusing a score of 7.5 instead of truncating it to 7 (Jackson's default). */
    private static final JsonMapper MAPPER = ContractJson.mapper().rebuild()
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    private static final Map<String, String> ALLOWED = Map.of(
            "kind", Arrays.toString(FeedbackKind.values()),
            "channel", Arrays.toString(Channel.values()),
            "topics", Arrays.toString(FeedbackTopic.values()),
            "severity", Arrays.toString(ComplaintSeverity.values()));

    private final int maxBytes;

    /** @param maxBytes largest single message or request body (a batch body is limited by the HTTP layer) */
    public FeedbackDecoder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Submission decode(byte[] value) {
        if (value == null || value.length == 0) {
            return Submission.unreadable(new Rejection(RejectionCodes.EMPTY_PAYLOAD, "the message has no payload"),
                    null);
        }
        if (value.length > maxBytes) {
            return Submission.unreadable(new Rejection(RejectionCodes.PAYLOAD_TOO_LARGE,
                    "the payload has " + value.length + " bytes, more than the limit of " + maxBytes), null);
        }
        try {
            FeedbackSubmitted feedback = MAPPER.readValue(value, FeedbackSubmitted.class);
            if (feedback == null) {
                return Submission.unreadable(new Rejection(RejectionCodes.MALFORMED_JSON, "the payload is JSON null"),
                        null);
            }
            return Submission.of(feedback);
        } catch (StreamReadException e) {
            return Submission.unreadable(syntax(e), null);
        } catch (DatabindException e) {
            JsonNode root = tree(value);
            if (root == null) {
                return Submission.unreadable(new Rejection(RejectionCodes.MALFORMED_JSON,
                        "the payload is not one JSON document"), null);
            }
            return Submission.unreadable(contract(e), text(root.get("eventId")));
        } catch (JacksonException e) {
            return Submission.unreadable(syntax(e), null);
        }
    }

    /**
     * The elements of a batch body, each decoded on its own.
     *
     * @throws MalformedBatchException when the body is not a JSON array
     */
    public List<Submission> decodeBatch(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedBatchException(syntax(e).message());
        }
        if (root == null || !root.isArray()) {
            throw new MalformedBatchException("the batch body must be a JSON array of feedback events");
        }
        List<Submission> submissions = new ArrayList<>(root.size());
        for (JsonNode element : root) {
            submissions.add(decodeElement(element));
        }
        return submissions;
    }

    Submission decodeElement(JsonNode element) {
        if (element == null || !element.isObject()) {
            return Submission.unreadable(new Rejection(RejectionCodes.INVALID_FIELD,
                    "each batch element must be a JSON object"), null);
        }
        try {
            return Submission.of(MAPPER.treeToValue(element, FeedbackSubmitted.class));
        } catch (JacksonException e) {
            return Submission.unreadable(contract(e), text(element.get("eventId")));
        }
    }

    private static Rejection syntax(JacksonException e) {
        if (e instanceof StreamConstraintsException limits) {
            return new Rejection(RejectionCodes.MALFORMED_JSON,
                    "the payload exceeds a JSON limit: " + limits.getOriginalMessage());
        }
        return new Rejection(RejectionCodes.MALFORMED_JSON, "the payload is not valid JSON");
    }

    private static Rejection contract(JacksonException e) {
        if (!(e instanceof DatabindException)) {
            return syntax(e);
        }
        String field = firstProperty(e);
        if (field == null) {
            return new Rejection(RejectionCodes.INVALID_FIELD, "the payload must be a JSON object");
        }
        String allowed = ALLOWED.get(field);
        String why = allowed != null ? " must be one of " + allowed
                : field.equals("occurredAt") ? " must be an ISO-8601 instant such as 2026-11-21T10:00:00Z"
                : field.equals("score") ? " must be a whole number"
                : " has the wrong type or an invalid value";
        return new Rejection(RejectionCodes.INVALID_FIELD, "field " + JsonErrors.path(e) + why);
    }

    private static String firstProperty(JacksonException e) {
        if (e.getPath() == null) {
            return null;
        }
        return e.getPath().stream().map(ref -> ref.getPropertyName()).filter(name -> name != null).findFirst()
                .orElse(null);
    }

    private static JsonNode tree(byte[] value) {
        try {
            return MAPPER.readTree(value);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
