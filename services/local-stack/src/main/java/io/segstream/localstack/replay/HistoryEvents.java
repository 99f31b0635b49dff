package io.segstream.localstack.replay;

import io.segstream.contracts.purchase.PurchaseSubmitted;

import java.util.List;

/**
 * What reading a history file produced: the events to send, in the file's order, and the counts of what the client
 * left out or decided on its own.
 *
 * @param rowsRead         data rows read (header not counted)
 * @param rowsAfterUntil   rows dated after --until, not replayed
 * @param anonymousRows    rows without a customer id (Online Retail), not replayed: there is no one to segment
 * @param unreadableRows   rows that could not be parsed (wrong number of fields, not a number, not a date)
 * @param refundsLinked    refunds linked to an earlier order of the customer with enough left to refund
 * @param refundsOverdrawn refunds linked to the customer's latest earlier order although it has too little left
 *                         (the service answers REFUND_EXCEEDS_REMAINING)
 * @param refundsUnlinked  refunds of customers with no earlier order in the file: sent with their own invoice number
 *                         as orderId (the service answers REFUND_UNKNOWN_ORDER)
 */
record HistoryEvents(List<PurchaseSubmitted> events, long rowsRead, long rowsAfterUntil, long anonymousRows,
                     long unreadableRows, long refundsLinked, long refundsOverdrawn, long refundsUnlinked) {

    long purchases() {
        return events.size() - refunds();
    }

    long refunds() {
        return refundsLinked + refundsOverdrawn + refundsUnlinked;
    }
}
