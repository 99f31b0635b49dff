package io.segstream.contracts.purchase;

import io.segstream.contracts.Channel;
import io.segstream.contracts.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A purchase or refund as an e-commerce or POS system submits it (purchases.incoming.v1, POST /api/v1/purchases).
 * {@code eventId} is the producer's idempotency key.
 */
public record PurchaseSubmitted(
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN) String eventId,
        @NotNull PurchaseType type,
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN) String customerId,
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN) String orderId,
        @NotNull Instant occurredAt,
        @NotNull Channel channel,
        @Size(max = PurchaseLimits.MAX_STORE_ID_LENGTH) String storeId,
        @Size(max = PurchaseLimits.MAX_REGION_LENGTH) String region,
        @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull BigDecimal totalAmount,
        BigDecimal discountAmount,
        @NotEmpty @Size(max = PurchaseLimits.MAX_ITEMS) List<@Valid @NotNull LineItem> items,
        @Size(max = PurchaseLimits.MAX_SOURCE_LENGTH) String source) {

    /** The same purchase as recorded by purchase-ingestion. */
    public PurchaseRecorded recorded(Instant recordedAt, BigDecimal reportingAmount, String reportingCurrency) {
        return new PurchaseRecorded(eventId, type, customerId, orderId, occurredAt, channel, storeId, region, currency,
                totalAmount, discountAmount, items, source, recordedAt, reportingAmount, reportingCurrency);
    }
}
