package io.segstream.purchases.domain;

import io.segstream.contracts.purchase.PurchaseRecorded;

import java.util.List;

/** One page of a customer's recorded purchases and refunds, newest first, and how many there are in all. */
public record PurchaseHistory(List<PurchaseRecorded> purchases, long total) {
}
