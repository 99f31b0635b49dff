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
        @DefaultValue Definitions definitions,
        @DefaultValue Redefinition redefinition,
        @DefaultValue Rfm rfm,
        @DefaultValue Sweep sweep,
        @DefaultValue Stream stream,
        @DefaultValue View view,
        @DefaultValue EvaluationClockSettings clock) {

    /**
     * The RFM population: each stream task's summary, merged across tasks.
     *
     * @param summaryInterval          how often each task publishes its summary (when it changed) and reads the merged
     *                                 one
     * @param monetaryRelativeAccuracy net spends closer than this fraction of their size rank as tied (the summary
     *                                 groups them to stay small and mergeable; recency and frequency are exact)
     * @param rescoreInterval          how often customers whose RFM scores the population's changes moved are
     *                                 re-scored (their classes on the rfm dimension and the audiences) ...
     * @param rescoreGrowth            ... or sooner when the population grew or shrank by this fraction ...
     * @param rescoreMinPause          ... but never within this long of the last re-scoring
     */
    public record Rfm(@DefaultValue("2s") Duration summaryInterval,
                      @DefaultValue("0.001") double monetaryRelativeAccuracy,
                      @DefaultValue("1m") Duration rescoreInterval, @DefaultValue("0.1") double rescoreGrowth,
                      @DefaultValue("10s") Duration rescoreMinPause) {
    }

    /**
     * Time-based re-evaluation of customers whose classification can change with the clock alone.
     *
     * @param enabled whether the stream's tasks sweep (each one its own customers)
     */
    public record Sweep(@DefaultValue("true") boolean enabled) {
    }

    /**
     * The stream's background work, done by each task between records.
     *
     * @param backgroundInterval how often a task does a slice of it (the sweep, re-evaluations, RFM re-scoring)
     * @param sliceSize          customers a slice takes at most
     * @param backgroundShare    the fraction of the stream thread's time background work may take while records
     *                           are arriving (1: no bound); it takes all of it when none are
     */
    public record Stream(@DefaultValue("100ms") Duration backgroundInterval, @DefaultValue("200") int sliceSize,
                         @DefaultValue("0.5") double backgroundShare) {
    }

    /**
     * The profiles view in MongoDB, written behind the stream.
     *
     * @param consumerGroup the consumer group that shares the changelog's partitions among the instances
     * @param flushInterval how long changes are gathered before one bulk write (a customer's repeated changes
     *                      within it are written once)
     * @param maxBatch      customers whose changes make a bulk write without waiting for the interval
     * @param retryInitial  first wait after a failed write, doubled up to {@code retryMax}
     * @param retryMax      longest wait between tries; the writer never gives up
     */
    public record View(@DefaultValue("segmentation-profile-view") String consumerGroup,
                       @DefaultValue("250ms") Duration flushInterval, @DefaultValue("2000") int maxBatch,
                       @DefaultValue("500ms") Duration retryInitial, @DefaultValue("30s") Duration retryMax) {
    }

    /**
     * @param followEventTime classify as of the newest event time seen instead of the wall clock (historical replays)
     */
    public record EvaluationClockSettings(@DefaultValue("false") boolean followEventTime) {
    }

    /**
     * Previews of a changed definition.
     *
     * @param pageSize   profiles of the view read per page
     * @param sampleSize customer ids a preview shows per class and direction
     */
    public record Redefinition(@DefaultValue("500") int pageSize, @DefaultValue("10") int sampleSize) {
    }

    /**
     * Bounds on segment definitions, against expensive or abusive expressions.
     *
     * @param maxExpressionLength characters of one CEL expression
     * @param maxClasses          classes of one dimension
     * @param maxNodes            parsed nodes of one expression
     * @param maxIterations       iterations of one comprehension macro (exists, all, map, filter)
     * @param writeTimeout        how long storing a version may wait for the definitions topic, and then for this
     *                            instance to read it back
     */
    public record Definitions(@DefaultValue("1000") int maxExpressionLength, @DefaultValue("30") int maxClasses,
                              @DefaultValue("200") int maxNodes, @DefaultValue("1000") int maxIterations,
                              @DefaultValue("10s") Duration writeTimeout) {
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
}
