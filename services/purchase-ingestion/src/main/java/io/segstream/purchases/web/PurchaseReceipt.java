package io.segstream.purchases.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to POST /api/v1/purchases: ACCEPTED (201 when already published, 202 when left to the outbox relay) or
 * DUPLICATE (200).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PurchaseReceipt(String eventId, String status, Boolean published) {
}
