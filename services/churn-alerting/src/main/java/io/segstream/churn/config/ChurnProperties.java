package io.segstream.churn.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.math.BigDecimal;
import java.util.Set;
import io.segstream.churn.domain.model.ModelTimeUnit;
import io.segstream.churn.domain.alerts.AlertClock;
import io.segstream.contracts.churn.AlertLevel;

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
        @DefaultValue Activity activity,
        @DefaultValue Model model,
        @DefaultValue Rules rules,
        @DefaultValue Alerts alerts) {

    /**
     * Bounds of the customer activity view.
     *
     * @param maxPurchases             purchase facts kept one by one per customer (older whole days are folded)
     * @param historyHorizon           facts older than this before the newest one are folded
     * @param maxPurchaseDays          distinct purchase days kept as dates per customer
     * @param rememberedSegmentChanges segment-change event ids remembered per customer to recognise redeliveries
     * @param maxFeedback              feedback facts (kind, score, sentiment, severity; never text) kept per customer
     */
    public record Activity(@DefaultValue("1000") int maxPurchases, @DefaultValue("400d") Duration historyHorizon,
                           @DefaultValue("3660") int maxPurchaseDays,
                           @DefaultValue("100") int rememberedSegmentChanges,
                           @DefaultValue("100") int maxFeedback) {
    }

    /**
     * The BG/NBD model's fit and scoring.
     *
     * @param timeUnit       unit of the fitted parameters (alpha is a time scale)
     * @param refitInterval  a fit older than this is replaced by a new one
     * @param checkInterval  how often the schedule looks whether a fit is due (also: start-up and the first fit)
     * @param minCustomers   no automatic fit before the activity view holds this many customers
     * @param autoFit        whether the schedule fits at all (the endpoint always can)
     * @param maxRetryWait   after failed fits the schedule waits check-interval, then twice that, and so on up to this
     * @param shortHorizon   first horizon of the expected purchases
     * @param longHorizon    second horizon of the expected purchases
     * @param riskHorizon    the model risk is the probability of no purchase within this period
     */
    public record Model(@DefaultValue("WEEKS") ModelTimeUnit timeUnit, @DefaultValue("24h") Duration refitInterval,
                        @DefaultValue("1m") Duration checkInterval, @DefaultValue("50") long minCustomers,
                        @DefaultValue("true") boolean autoFit, @DefaultValue("30d") Duration shortHorizon,
                        @DefaultValue("90d") Duration longHorizon, @DefaultValue("90d") Duration riskHorizon,
                        @DefaultValue("30m") Duration maxRetryWait) {
    }

    /** The early-warning rules' thresholds; see {@link io.segstream.churn.domain.rules.RuleSettings}. */
    public record Rules(@DefaultValue("2.0") double overdueFactor, @DefaultValue("3") int overdueMinPurchaseDays,
                        @DefaultValue("90d") Duration frequencyWindow, @DefaultValue("3") int frequencyMinPrevious,
                        @DefaultValue("0.5") double frequencyDropRatio,
                        @DefaultValue("0.3") double lowProbabilityAlive, @DefaultValue("0.95") double highModelRisk,
                        @DefaultValue("HIGH") Set<String> highValueTiers, @DefaultValue("LOW") Set<String> lowValueTiers,
                        @DefaultValue("30d") Duration quietAfter, @DefaultValue("30d") Duration refundWindow,
                        @DefaultValue("2") int refundMinCount, @DefaultValue("0.3") BigDecimal refundMinShare,
                        @DefaultValue("90d") Duration feedbackWindow, @DefaultValue("6") int detractorMaxNps,
                        @DefaultValue("2") int detractorMaxCsat, @DefaultValue("2") int negativeReviewMaxScore,
                        @DefaultValue("30d") Duration openComplaintWindow,
                        @DefaultValue("180d") Duration repeatedComplaintWindow,
                        @DefaultValue("2") int repeatedComplaintCount) {
    }

    /**
     * Alerts, the silent-customer sweep and the relay of pending alert messages.
     *
     * @param clock            WALL_CLOCK, or EVENT_TIME: the latest event time seen (replays)
     * @param raiseLevel       an alert opens when a customer's level reaches this
     * @param cooldown         no new alert for a customer within this period after a resolution
     * @param maxCheckInterval a customer is checked again at the latest after this
     * @param sweepInterval    pause between two sweeps of due customers
     * @param sweepPageSize    customers read per sweep query and written per bulk write
     * @param relayInterval    pause between two relay passes
     * @param relayGrace       messages pending at least this long are taken over by the relay
     * @param relayBatchSize   watches read per relay pass
     * @param publishTimeout   how long to wait for the broker to acknowledge alert messages
     */
    public record Alerts(@DefaultValue("WALL_CLOCK") AlertClock.Mode clock,
                         @DefaultValue("MEDIUM") AlertLevel raiseLevel, @DefaultValue("30d") Duration cooldown,
                         @DefaultValue("7d") Duration maxCheckInterval, @DefaultValue("5m") Duration sweepInterval,
                         @DefaultValue("500") int sweepPageSize, @DefaultValue("30s") Duration relayInterval,
                         @DefaultValue("30s") Duration relayGrace, @DefaultValue("100") int relayBatchSize,
                         @DefaultValue("30s") Duration publishTimeout) {
    }
}
