package io.segstream.contracts.segment;

import java.math.BigDecimal;

/** The few profile figures a segment change carries so that a subscriber can act without a lookup. */
public record ProfileSnapshot(Integer recencyDays, Integer frequency, BigDecimal monetary, String rfm) {
}
