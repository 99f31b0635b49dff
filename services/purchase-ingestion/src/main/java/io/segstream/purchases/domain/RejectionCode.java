package io.segstream.purchases.domain;

/**
 * Every reason a purchase or refund is refused, as the stable {@code code} of a problem+json response, a per-item
 * batch result and the {@code x-error-code} header of a dead-lettered message. Names are part of the public contract:
 * add codes, never rename one.
 */
public enum RejectionCode {
    // The message itself
    /** The body or message is not syntactically valid JSON, or exceeds a JSON parser limit. */
    MALFORMED_JSON(Kind.MALFORMED),
    /** A Kafka message with no value. */
    EMPTY_PAYLOAD(Kind.MALFORMED),
    /** The body or message is larger than the configured limit. */
    PAYLOAD_TOO_LARGE(Kind.TOO_LARGE),
    /** An HTTP body that is not application/json (answered by the framework; listed for completeness). */
    UNSUPPORTED_MEDIA_TYPE(Kind.MEDIA_TYPE),

    // Shape of the event
    /** A required field is absent, null or blank. */
    MISSING_FIELD(Kind.RULE),
    /** eventId, customerId or orderId does not match the id syntax of the contract. */
    INVALID_ID(Kind.RULE),
    /** A text field is longer than the contract allows. */
    FIELD_TOO_LONG(Kind.RULE),
    /** A field has the wrong JSON type or an unreadable value (other than the cases with their own code). */
    INVALID_FIELD(Kind.RULE),
    /** {@code type} is not PURCHASE or REFUND. */
    UNKNOWN_TYPE(Kind.RULE),
    /** {@code channel} is not one of the contract's channels. */
    UNKNOWN_CHANNEL(Kind.RULE),
    /** {@code occurredAt} is not an ISO-8601 instant. */
    INVALID_TIMESTAMP(Kind.RULE),

    // Money
    /** An amount is not a decimal string (a JSON number, text, exponent notation, or beyond 15+6 digits). */
    INVALID_AMOUNT(Kind.RULE),
    /** An amount or unit price is below zero (zero is valid: free and promotional orders exist). */
    NEGATIVE_AMOUNT(Kind.RULE),
    /** totalAmount or discountAmount has more decimal places than the currency has (ignoring trailing zeros). */
    TOO_MANY_DECIMALS(Kind.RULE),
    /** {@code currency} is not an ISO 4217 code. */
    UNKNOWN_CURRENCY(Kind.RULE),
    /** {@code currency} is a real currency for which no reporting rate is configured. */
    UNSUPPORTED_CURRENCY(Kind.RULE),
    /** A line item's quantity is not a positive integer. */
    INVALID_QUANTITY(Kind.RULE),
    /** More line items than the contract allows. */
    TOO_MANY_ITEMS(Kind.RULE),
    /** The discount is larger than the gross value of the line items. */
    DISCOUNT_EXCEEDS_TOTAL(Kind.RULE),
    /** sum(quantity x unitPrice) - discount differs from totalAmount by more than the tolerance. */
    TOTAL_MISMATCH(Kind.RULE),

    // Time
    /** occurredAt is later than now plus the allowed clock skew. */
    OCCURRED_IN_FUTURE(Kind.RULE),
    /** occurredAt is before the configured epoch. */
    OCCURRED_BEFORE_EPOCH(Kind.RULE),

    // Orders and refunds
    /** A purchase names an orderId that another event already recorded. */
    ORDER_ALREADY_RECORDED(Kind.RULE),
    /** A refund names an order that was never recorded. */
    REFUND_UNKNOWN_ORDER(Kind.RULE),
    /** A refund is larger than what remains refundable of its order. */
    REFUND_EXCEEDS_REMAINING(Kind.RULE),
    /** A refund is in another currency than its order. */
    REFUND_CURRENCY_MISMATCH(Kind.RULE),
    /** A refund names an order of another customer. */
    REFUND_CUSTOMER_MISMATCH(Kind.RULE),

    // Privacy
    /**
     * The customer was erased and the event occurred at or before the erasure (a redelivery, a replay, a late
     * arrival): refused over HTTP (422), dropped from Kafka without a dead letter (which would keep the data).
     */
    CUSTOMER_ERASED(Kind.RULE);

    /** How a code surfaces over HTTP: 400, 413, 415 or 422. */
    public enum Kind { MALFORMED, TOO_LARGE, MEDIA_TYPE, RULE }

    private final Kind kind;

    RejectionCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
