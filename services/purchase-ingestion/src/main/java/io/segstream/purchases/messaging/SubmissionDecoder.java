package io.segstream.purchases.messaging;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.purchases.domain.Rejection;
import io.segstream.purchases.domain.RejectionCode;
import io.segstream.purchases.domain.Submission;
import io.segstream.runtime.messaging.JsonErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns JSON into submissions for the intake, for both paths (a Kafka message, an HTTP body, one element of a batch
 * body), so that the same fault gets the same code everywhere. Syntax errors are MALFORMED_JSON; JSON that does not
 * fit the contract gets the code of the field that is wrong (an unknown channel is UNKNOWN_CHANNEL, a number where
 * money must be a decimal string is INVALID_AMOUNT, ...). Messages name fields, never values.
 */
public final class SubmissionDecoder {
    private static final Set<String> MONEY_FIELDS = Set.of("totalAmount", "discountAmount", "unitPrice");

    /** The contract mapper: strict types (a quantity of 2.5 or "2" is an error, not 2), unknown fields dropped. */
    private static final JsonMapper MAPPER = ContractJson.mapper();

    private final int maxBytes;

    /** @param maxBytes largest single message accepted (a batch body is limited by the HTTP layer instead) */
    public SubmissionDecoder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** One purchase from a whole message or request body. */
    public Submission decode(byte[] value) {
        if (value == null || value.length == 0) {
            return Submission.unreadable(new Rejection(RejectionCode.EMPTY_PAYLOAD, "the message has no payload"),
                    null);
        }
        if (value.length > maxBytes) {
            return Submission.unreadable(new Rejection(RejectionCode.PAYLOAD_TOO_LARGE,
                    "the payload has " + value.length + " bytes, more than the limit of " + maxBytes), null);
        }
        try {
            PurchaseSubmitted purchase = MAPPER.readValue(value, PurchaseSubmitted.class);
            if (purchase == null) {
                return Submission.unreadable(new Rejection(RejectionCode.MALFORMED_JSON, "the payload is JSON null"),
                        null);
            }
            return Submission.of(purchase);
        } catch (StreamReadException e) {
            return Submission.unreadable(syntax(e), null);
        } catch (DatabindException e) {
            JsonNode root = tree(value);
            if (root == null) {
                // e.g. trailing tokens after the object: not one JSON document
                return Submission.unreadable(new Rejection(RejectionCode.MALFORMED_JSON,
                        "the payload is not one JSON document"), null);
            }
            return Submission.unreadable(contract(e), text(root.get("eventId")));
        } catch (JacksonException e) {
            return Submission.unreadable(new Rejection(RejectionCode.MALFORMED_JSON, "the payload is not valid JSON"),
                    null);
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
            throw new MalformedBatchException("the batch body must be a JSON array of purchase events");
        }
        List<Submission> submissions = new ArrayList<>(root.size());
        for (JsonNode element : root) {
            submissions.add(decodeElement(element));
        }
        return submissions;
    }

    /** One element of a batch body. */
    Submission decodeElement(JsonNode element) {
        if (element == null || !element.isObject()) {
            return Submission.unreadable(new Rejection(RejectionCode.INVALID_FIELD,
                    "each batch element must be a JSON object"), null);
        }
        try {
            return Submission.of(MAPPER.treeToValue(element, PurchaseSubmitted.class));
        } catch (JacksonException e) {
            return Submission.unreadable(contract(e), text(element.get("eventId")));
        }
    }

    private static Rejection syntax(JacksonException e) {
        if (e instanceof StreamConstraintsException limits) {
            return new Rejection(RejectionCode.MALFORMED_JSON,
                    "the payload exceeds a JSON limit: " + limits.getOriginalMessage());
        }
        return new Rejection(RejectionCode.MALFORMED_JSON, "the payload is not valid JSON");
    }

    private static Rejection contract(JacksonException e) {
        if (e instanceof StreamConstraintsException || !(e instanceof DatabindException)) {
            return syntax(e);
        }
        String path = JsonErrors.path(e);
        String field = lastProperty(e);
        if (field == null) {
            return new Rejection(RejectionCode.INVALID_FIELD, "the payload must be a JSON object");
        }
        RejectionCode code = switch (field) {
            case "channel" -> RejectionCode.UNKNOWN_CHANNEL;
            case "type" -> RejectionCode.UNKNOWN_TYPE;
            case "occurredAt" -> RejectionCode.INVALID_TIMESTAMP;
            case "quantity" -> RejectionCode.INVALID_QUANTITY;
            default -> MONEY_FIELDS.contains(field) ? RejectionCode.INVALID_AMOUNT : RejectionCode.INVALID_FIELD;
        };
        String why = switch (code) {
            case UNKNOWN_CHANNEL -> " is not one of ONLINE, MOBILE_APP, STORE, MARKETPLACE, PHONE";
            case UNKNOWN_TYPE -> " is not PURCHASE or REFUND";
            case INVALID_TIMESTAMP -> " is not an ISO-8601 instant such as 2026-11-20T09:14:03Z";
            case INVALID_QUANTITY -> " is not a positive integer";
            case INVALID_AMOUNT -> " must be a decimal string such as \"129.90\"";
            default -> e instanceof MismatchedInputException ? " has the wrong type" : " has an invalid value";
        };
        return new Rejection(code, "field " + path + why);
    }

    private static String lastProperty(JacksonException e) {
        if (e.getPath() == null) {
            return null;
        }
        for (int i = e.getPath().size() - 1; i >= 0; i--) {
            String name = e.getPath().get(i).getPropertyName();
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /** The document as a tree, or null when it is not one readable JSON document. */
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
