package io.segstream.purchases.web;

import io.segstream.contracts.purchase.PurchaseRecorded;

import java.util.List;

/** One page of GET /api/v1/customers/{customerId}/purchases, newest occurredAt first. */
record PurchasePage(String customerId, int page, int size, long totalElements, int totalPages,
                    List<PurchaseRecorded> purchases) {
}
