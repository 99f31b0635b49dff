package io.segstream.contracts.purchase;

import io.segstream.contracts.Channel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A validated, de-duplicated purchase or refund (purchases.recorded.v1). Adds the time it was recorded and the
 * total converted into the configured reporting currency. For a refund both amounts are positive and are
 * subtracted by consumers.
 */
public record PurchaseRecorded(
        String eventId,
        PurchaseType type,
        String customerId,
        String orderId,
        Instant occurredAt,
        Channel channel,
        String storeId,
        String region,
        String currency,
        BigDecimal totalAmount,
        BigDecimal discountAmount,
        List<LineItem> items,
        String source,
        Instant recordedAt,
        BigDecimal reportingAmount,
        String reportingCurrency) {

    /** Net effect on spend, in the reporting currency: negative for a refund. */
    public BigDecimal signedReportingAmount() {
        return type == PurchaseType.REFUND ? reportingAmount.negate() : reportingAmount;
    }
}
