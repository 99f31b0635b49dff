package io.segstream.segmentation.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings of the segmentation service, under {@code segstream.segmentation}; application.yml documents each default.
 *
 * @param purchaseDayZone the zone whose calendar days are purchase days and in which recency is counted
 */
@ConfigurationProperties("segstream.segmentation")
public record SegmentationProperties(
        @DefaultValue("UTC") ZoneId purchaseDayZone,
        @DefaultValue Lifecycle lifecycle,
        @DefaultValue Profile profile,
        @DefaultValue ChangeRelay changeRelay) {

    /**
     * Recency thresholds of the lifecycle dimension, counted in whole days.
     *
     * @param atRiskAfter  silence after which a customer is AT_RISK
     * @param churnedAfter silence after which a customer is CHURNED; longer than {@code atRiskAfter}
     */
    public record Lifecycle(@DefaultValue("90d") Duration atRiskAfter, @DefaultValue("180d") Duration churnedAfter) {
    }

    /**
     * Bounds of what a profile keeps one by one (older whole days are folded into exact totals).
     *
     * @param maxPurchases             purchase facts kept per customer
     * @param historyHorizon           facts older than this before the customer's newest one are folded
     * @param maxCategoriesPerPurchase category shares kept per purchase (the largest)
     */
    public record Profile(@DefaultValue("1000") int maxPurchases, @DefaultValue("400d") Duration historyHorizon,
                          @DefaultValue("20") int maxCategoriesPerPurchase) {
    }

    /**
     * The relay of changes left pending by a crash or a broker outage.
     *
     * @param enabled   whether this instance runs it (every instance may: a republish has the same event id)
     * @param interval  pause between passes (the first runs at start-up)
     * @param grace     how long a profile's changes must have been pending before the relay takes them over
     * @param batchSize profiles read per relay query
     */
    public record ChangeRelay(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
                              @DefaultValue("30s") Duration grace, @DefaultValue("500") int batchSize) {
    }
}
