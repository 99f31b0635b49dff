package io.segstream.feedback.web;

import java.util.List;

/** The answer to POST /api/v1/feedback/batch (200): counts and one result per item, in request order. */
record BatchReceipt(int accepted, int duplicates, int rejected, List<ItemResult> results) {
}
