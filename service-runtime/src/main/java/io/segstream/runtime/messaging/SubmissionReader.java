package io.segstream.runtime.messaging;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads submitted events (a Kafka message, an HTTP body, one element of a batch body) into a contract record, or into
 * the reason it cannot, so that an ingestion service gives the same fault the same code on every path. Syntax errors
 * are {@value #MALFORMED_JSON}; JSON that does not fit the contract gets the code its service's {@link FieldFaults}
 * chooses for the field that is wrong. Messages name fields, never values (they may hold personal data).
 */
public final class SubmissionReader<T> {
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String EMPTY_PAYLOAD = "EMPTY_PAYLOAD";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String INVALID_FIELD = "INVALID_FIELD";

    /** A record, or the code and message of why there is none, with whatever eventId could be read. */
    public record Read<T>(T value, String code, String message, String eventId) {
        static <T> Read<T> of(T value, String eventId) {
            return new Read<>(value, null, null, eventId);
        }

        static <T> Read<T> failed(String code, String message, String eventId) {
            return new Read<>(null, code, message, eventId);
        }

        public boolean isReadable() {
            return value != null;
        }
    }

    /** What a service says about a field that does not fit its contract. */
    public record FieldFault(String code, String why) {
    }

    /** Chooses the code and explanation for a wrong field, given the property names along its path (outermost first). */
    @FunctionalInterface
    public interface FieldFaults {
        FieldFault describe(List<String> propertyPath, DatabindException cause);
    }

    private final Class<T> type;
    private final JsonMapper mapper;
    private final int maxBytes;
    private final FieldFaults faults;
    private final String batchNoun;
    private final java.util.function.Function<T, String> eventIdOf;

    /**
     * @param maxBytes  largest single message or request body (a batch body is limited by the HTTP layer)
     * @param batchNoun what a batch holds, for the message when a batch body is not an array ("purchase events")
     */
    public SubmissionReader(Class<T> type, JsonMapper mapper, int maxBytes, FieldFaults faults, String batchNoun,
                            java.util.function.Function<T, String> eventIdOf) {
        this.type = type;
        this.mapper = mapper;
        this.maxBytes = maxBytes;
        this.faults = faults;
        this.batchNoun = batchNoun;
        this.eventIdOf = eventIdOf;
    }

    /** One submission from a whole message or request body. */
    public Read<T> read(byte[] value) {
        if (value == null || value.length == 0) {
            return Read.failed(EMPTY_PAYLOAD, "the message has no payload", null);
        }
        if (value.length > maxBytes) {
            return Read.failed(PAYLOAD_TOO_LARGE,
                    "the payload has " + value.length + " bytes, more than the limit of " + maxBytes, null);
        }
        try {
            T decoded = mapper.readValue(value, type);
            if (decoded == null) {
                return Read.failed(MALFORMED_JSON, "the payload is JSON null", null);
            }
            return Read.of(decoded, eventIdOf.apply(decoded));
        } catch (StreamReadException e) {
            return syntax(e, null);
        } catch (DatabindException e) {
            JsonNode root = tree(value);
            if (root == null) {
                // e.g. trailing tokens after the object: not one JSON document
                return Read.failed(MALFORMED_JSON, "the payload is not one JSON document", null);
            }
            return contract(e, text(root.get("eventId")));
        } catch (JacksonException e) {
            return syntax(e, null);
        }
    }

    /**
     * The elements of a batch body, each read on its own: one bad element never affects the others.
     *
     * @throws MalformedBatchException when the body is not a JSON array
     */
    public List<Read<T>> readBatch(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedBatchException(syntax(e, null).message());
        }
        if (root == null || !root.isArray()) {
            throw new MalformedBatchException("the batch body must be a JSON array of " + batchNoun);
        }
        List<Read<T>> reads = new ArrayList<>(root.size());
        for (JsonNode element : root) {
            reads.add(readElement(element));
        }
        return reads;
    }

    /** One element of a batch body. */
    public Read<T> readElement(JsonNode element) {
        if (element == null || !element.isObject()) {
            return Read.failed(INVALID_FIELD, "each batch element must be a JSON object", null);
        }
        try {
            T decoded = mapper.treeToValue(element, type);
            return Read.of(decoded, eventIdOf.apply(decoded));
        } catch (JacksonException e) {
            return contract(e, text(element.get("eventId")));
        }
    }

    private static <T> Read<T> syntax(JacksonException e, String eventId) {
        if (e instanceof StreamConstraintsException limits) {
            return Read.failed(MALFORMED_JSON, "the payload exceeds a JSON limit: " + limits.getOriginalMessage(),
                    eventId);
        }
        return Read.failed(MALFORMED_JSON, "the payload is not valid JSON", eventId);
    }

    private Read<T> contract(JacksonException e, String eventId) {
        if (e instanceof StreamConstraintsException || !(e instanceof DatabindException databind)) {
            return syntax(e, eventId);
        }
        List<String> properties = e.getPath() == null ? List.of()
                : e.getPath().stream().map(ref -> ref.getPropertyName()).filter(Objects::nonNull).toList();
        if (properties.isEmpty()) {
            return Read.failed(INVALID_FIELD, "the payload must be a JSON object", eventId);
        }
        FieldFault fault = faults.describe(properties, databind);
        return Read.failed(fault.code(), "field " + JsonErrors.path(e) + fault.why(), eventId);
    }

    private JsonNode tree(byte[] value) {
        try {
            return mapper.readTree(value);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
