package io.segstream.contracts.segment;

import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/**
 * The few profile figures a segment change carries so that a subscriber can act without a lookup. Each is null
 * when it cannot be computed yet (recency of a customer who never bought).
 *
 * @param recencyDays whole days since the last purchase
 * @param frequency   number of purchases counted by segmentation
 * @param monetary    net spend in the reporting currency (refunds subtracted)
 * @param rfm         the recency, frequency and monetary scores as one code, such as "245"
 */
public record ProfileSnapshot(
        @PositiveOrZero Integer recencyDays,
        @PositiveOrZero Integer frequency,
        BigDecimal monetary,
        String rfm) {
}
