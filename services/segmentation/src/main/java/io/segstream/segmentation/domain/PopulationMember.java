package io.segstream.segmentation.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * What one customer adds to the population summary.
 *
 * @param lastPurchaseDay the day of the last purchase (in the purchase-day zone), null for a customer who never
 *                        bought: such a customer is in no RFM distribution, only in the segment sizes
 * @param orders          purchases (refunds are not orders)
 * @param monetary        net spend in the reporting currency
 * @param classes         the present class of every definition, by key
 */
public record PopulationMember(LocalDate lastPurchaseDay, long orders, double monetary, Map<String, String> classes) {

    public PopulationMember {
        classes = Map.copyOf(classes);
    }

    public boolean hasPurchased() {
        return lastPurchaseDay != null;
    }
}
