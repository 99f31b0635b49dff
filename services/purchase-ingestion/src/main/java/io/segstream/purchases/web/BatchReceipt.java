package io.segstream.purchases.web;

import java.util.List;

/** The answer to POST /api/v1/purchases/batch (200): counts and one result per element, in request order. */
record BatchReceipt(int accepted, int duplicates, int rejected, List<ItemResult> results) {
}
