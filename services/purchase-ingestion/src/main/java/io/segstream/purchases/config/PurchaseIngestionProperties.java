package io.segstream.purchases.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Settings of purchase-ingestion, under {@code segstream.purchases} (defaults and the rate table are documented in
 * application.yml).
 *
 * @param epoch                    earliest accepted occurredAt (OCCURRED_BEFORE_EPOCH before it)
 * @param maxClockSkew             how far occurredAt may be ahead of this service's clock (OCCURRED_IN_FUTURE)
 * @param totalToleranceMinorUnits how many minor units (cents) the total may differ from the items minus the discount
 * @param maxBatchSize             most events per POST /api/v1/purchases/batch
 * @param reportingCurrency        the currency of every reportingAmount
 * @param rates                    units of the reporting currency per unit of each accepted currency
 * @param defaultPageSize          page size of the purchase history when none is asked for
 * @param maxPageSize              largest page size of the purchase history
 * @param retryAfter               Retry-After of a 503 when MongoDB is not available
 * @param mongoTimeout             how long a MongoDB call waits for a server before the service reports it unavailable
 */
@ConfigurationProperties("segstream.purchases")
public record PurchaseIngestionProperties(
        @DefaultValue("1990-01-01T00:00:00Z") Instant epoch,
        @DefaultValue("15m") Duration maxClockSkew,
        @DefaultValue("1") int totalToleranceMinorUnits,
        @DefaultValue("1000") int maxBatchSize,
        @DefaultValue("CNY") String reportingCurrency,
        Map<String, BigDecimal> rates,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("5s") Duration mongoTimeout) {

    public PurchaseIngestionProperties {
        rates = rates == null ? Map.of() : Map.copyOf(rates);
        if (maxBatchSize < 1 || defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException(
                    "max-batch-size and default-page-size must be positive, max-page-size at least the default");
        }
    }
}
