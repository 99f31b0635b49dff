package io.segstream.contracts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 attributes carried as Kafka headers (binary content mode), and the headers the
 * dead-letter topics add to a rejected message.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    public static final String ERROR_CODE = "x-error-code";
    public static final String ERROR_MESSAGE = "x-error-message";
    public static final String FAILED_AT = "x-failed-at";

    private CloudEventHeaders() {
    }

    /** The CloudEvents attributes of one event, in header order, as text (headers carry them UTF-8 encoded). */
    public static Map<String, String> forEvent(EventContract<?> contract, String eventId, String source,
                                               Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_VALUE);
        headers.put(ID, eventId);
        headers.put(SOURCE, source);
        headers.put(TYPE, contract.ceType());
        headers.put(TIME, time.toString());
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }
}
