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
 * @param rfm             the RFM scores the customer was last classified with ({@link RfmScore#code()}), null when
 *                        not scored: when the population moves, only customers whose scores it changes need
 *                        re-scoring, and this tells which without reading their profiles
 */
public record PopulationMember(LocalDate lastPurchaseDay, long orders, double monetary, Map<String, String> classes,
                               String rfm) {

    public PopulationMember {
        classes = Map.copyOf(classes);
    }

    /** A member not scored yet. */
    public PopulationMember(LocalDate lastPurchaseDay, long orders, double monetary, Map<String, String> classes) {
        this(lastPurchaseDay, orders, monetary, classes, null);
    }

    /** This member, scored with {@code code}. */
    public PopulationMember scored(String code) {
        return new PopulationMember(lastPurchaseDay, orders, monetary, classes, code);
    }

    public boolean hasPurchased() {
        return lastPurchaseDay != null;
    }
}
