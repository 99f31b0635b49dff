package io.segstream.purchases.domain;

/** A refund asking to take amountMinor (minor units of currency) off what remains refundable of orderId. */
public record RefundClaim(String orderId, String eventId, String customerId, String currency, long amountMinor) {
}
