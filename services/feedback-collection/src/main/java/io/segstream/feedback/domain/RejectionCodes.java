package io.segstream.feedback.domain;

/**
 * Stable codes of the feedback rules: they go into problem+json {@code code}, per-item batch results and the
 * {@code x-error-code} header of dead letters. Listed, with their HTTP status, in docs/contracts-feedback-collection.md.
 */
public final class RejectionCodes {
    /** The payload is not one JSON document (HTTP 400). */
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    /** A field has the wrong JSON type or a value outside its enumeration (HTTP 400). */
    public static final String INVALID_FIELD = "INVALID_FIELD";
    /** A Kafka message without a value (dead-lettered). */
    public static final String EMPTY_PAYLOAD = "EMPTY_PAYLOAD";
    /** A message or request body over the size limit (HTTP 413). */
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    /** eventId, kind, customerId or occurredAt is missing. */
    public static final String FIELD_REQUIRED = "FIELD_REQUIRED";
    /** An id (eventId, customerId, referredCustomerId) does not follow the id syntax. */
    public static final String INVALID_ID = "INVALID_ID";
    /** orderId or source is longer than the contract allows. */
    public static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    /** topics holds an empty entry. */
    public static final String INVALID_TOPICS = "INVALID_TOPICS";
    /** occurredAt lies further in the future than the allowed clock skew. */
    public static final String OCCURRED_IN_FUTURE = "OCCURRED_IN_FUTURE";
    /** occurredAt lies further in the past than the accepted age. */
    public static final String OCCURRED_TOO_LONG_AGO = "OCCURRED_TOO_LONG_AGO";
    /** A survey or review without a score. */
    public static final String SCORE_REQUIRED = "SCORE_REQUIRED";
    /** A score outside its kind's range (NPS 0-10, CSAT and review 1-5). */
    public static final String SCORE_OUT_OF_RANGE = "SCORE_OUT_OF_RANGE";
    /** A score on a kind that has no scale (complaint, support ticket, referral). */
    public static final String SCORE_NOT_ALLOWED = "SCORE_NOT_ALLOWED";
    /** The text is longer than the limit. */
    public static final String TEXT_TOO_LONG = "TEXT_TOO_LONG";
    /** A review without text, or a complaint with neither text nor topics. */
    public static final String TEXT_REQUIRED = "TEXT_REQUIRED";
    /** A referral that does not name the referred customer. */
    public static final String REFERRAL_TARGET_REQUIRED = "REFERRAL_TARGET_REQUIRED";
    /** referredCustomerId on a kind other than REFERRAL. */
    public static final String REFERRAL_TARGET_NOT_ALLOWED = "REFERRAL_TARGET_NOT_ALLOWED";
    /** A customer referring themselves. */
    public static final String SELF_REFERRAL = "SELF_REFERRAL";
    /**
     * The customer was erased at or after the moment this event occurred (HTTP 422; from Kafka the event is dropped,
     * not dead-lettered, since the dead-letter topic would keep the personal data).
     */
    public static final String CUSTOMER_ERASED = "CUSTOMER_ERASED";
    /** severity on a kind other than COMPLAINT or SUPPORT_TICKET. */
    public static final String SEVERITY_NOT_ALLOWED = "SEVERITY_NOT_ALLOWED";

    private RejectionCodes() {
    }
}
