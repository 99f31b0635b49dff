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
        @DefaultValue ChangeRelay changeRelay,
        @DefaultValue Definitions definitions,
        @DefaultValue Redefinition redefinition,
        @DefaultValue Rfm rfm,
        @DefaultValue Sweep sweep,
        @DefaultValue EvaluationClockSettings clock) {

    /**
     * The RFM population.
     *
     * @param refreshEnabled  whether this instance recomputes it (each instance keeps its own copy)
     * @param refreshInterval pause between recomputations (the first runs at start-up)
     * @param maxBusyShare    the largest share of the time refreshes may take: after a refresh that took d, the next
     *                        waits at least d * (1 - share) / share (a million customers take minutes per refresh)
     */
    public record Rfm(@DefaultValue("true") boolean refreshEnabled, @DefaultValue("5m") Duration refreshInterval,
                      @DefaultValue("0.25") double maxBusyShare) {
        public Rfm {
            if (!(maxBusyShare > 0 && maxBusyShare <= 1)) {
                throw new IllegalArgumentException("segstream.segmentation.rfm.max-busy-share must be in (0, 1], not "
                        + maxBusyShare);
            }
        }
    }

    /**
     * Time-based re-evaluation of customers whose classification can change with the clock alone.
     *
     * @param enabled   whether this instance sweeps (every instance may: a repeated change has the same id)
     * @param interval  pause between sweeps
     * @param batchSize profiles per sweep page (one find, one bulk write)
     * @param parallelBatches batches re-evaluated at once (one find reads them all)
     */
    public record Sweep(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
                        @DefaultValue("500") int batchSize, @DefaultValue("3") int parallelBatches) {
    }

    /**
     * @param followEventTime classify as of the newest event time seen instead of the wall clock (historical replays)
     */
    public record EvaluationClockSettings(@DefaultValue("false") boolean followEventTime) {
    }

    /**
     * Previews and background re-evaluations of a changed definition.
     *
     * @param pageSize   profiles read (and written back in one bulk write) per page
     * @param sampleSize customer ids a preview shows per class and direction
     * @param parallelPages pages of a re-evaluation (and of the RFM re-scoring) processed at once while the next
     *                      page is read
     */
    public record Redefinition(@DefaultValue("500") int pageSize, @DefaultValue("10") int sampleSize,
                               @DefaultValue("3") int parallelPages) {
    }

    /**
     * Bounds on segment definitions, against expensive or abusive expressions.
     *
     * @param maxExpressionLength characters of one CEL expression
     * @param maxClasses          classes of one dimension
     * @param maxNodes            parsed nodes of one expression
     * @param maxIterations       iterations of one comprehension macro (exists, all, map, filter)
     */
    public record Definitions(@DefaultValue("1000") int maxExpressionLength, @DefaultValue("30") int maxClasses,
                              @DefaultValue("200") int maxNodes, @DefaultValue("1000") int maxIterations) {
    }

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
     * @param maxFeedback              feedback facts kept per customer (older ones are folded into exact totals)
     * @param recentFeedbackWindow     how far back complaints count as "recent" (whole days)
     */
    public record Profile(@DefaultValue("1000") int maxPurchases, @DefaultValue("400d") Duration historyHorizon,
                          @DefaultValue("20") int maxCategoriesPerPurchase, @DefaultValue("500") int maxFeedback,
                          @DefaultValue("90d") Duration recentFeedbackWindow) {
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
