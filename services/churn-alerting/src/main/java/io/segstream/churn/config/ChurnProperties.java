package io.segstream.churn.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Settings of churn-alerting, under {@code segstream.churn}; application.yml documents each default.
 *
 * @param purchaseDayZone the zone whose calendar days are purchase days (one transaction per customer-day)
 * @param asOf            a fixed "now" for figures that depend on the clock (daysSinceLastPurchase), for example the
 *                        end of a replayed historical period; unset means the system clock
 */
@ConfigurationProperties("segstream.churn")
public record ChurnProperties(
        @DefaultValue("UTC") ZoneId purchaseDayZone,
        Instant asOf,
        @DefaultValue Activity activity) {

    /**
     * Bounds of the customer activity view.
     *
     * @param maxPurchases             purchase facts kept one by one per customer (older whole days are folded)
     * @param historyHorizon           facts older than this before the newest one are folded
     * @param maxPurchaseDays          distinct purchase days kept as dates per customer
     * @param rememberedSegmentChanges segment-change event ids remembered per customer to recognise redeliveries
     */
    public record Activity(@DefaultValue("1000") int maxPurchases, @DefaultValue("400d") Duration historyHorizon,
                           @DefaultValue("3660") int maxPurchaseDays,
                           @DefaultValue("100") int rememberedSegmentChanges) {
    }
}
