package io.segstream.churn.domain.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Thresholds of the early-warning rules and of the level/action combination (application.yml documents each
 * default, under {@code segstream.churn.rules}).
 *
 * @param overdueFactor             OVERDUE_VS_OWN_CADENCE: days since the last purchase above this many times the
 *                                  customer's median gap between purchase days
 * @param overdueMinPurchaseDays    ... and only with at least this many purchase days (a rhythm needs gaps)
 * @param frequencyWindow           FALLING_FREQUENCY: purchase days in the last window vs. the window before
 * @param frequencyMinPrevious      ... only when the window before had at least this many purchase days
 * @param frequencyDropRatio        ... fires when recent <= previous x this ratio
 * @param lowProbabilityAlive       LOW_PROBABILITY_ALIVE: P(alive) below this (repeat buyers only: it is 1 otherwise)
 * @param highModelRisk             LOW_PROBABILITY_ALIVE too: the model's risk at or above this, for every customer
 * @param highValueTiers            value-tier classes counted as high value
 * @param lowValueTiers             value-tier classes counted as low value
 * @param quietAfter                HIGH_VALUE_GOING_QUIET: a high-value customer without purchase for this long
 * @param refundWindow              REFUND_SPIKE: refunds in this window before the as-of instant
 * @param refundMinCount            ... at least this many refunds
 * @param refundMinShare            ... refunding at least this share of what was bought in the window
 * @param feedbackWindow            DETRACTOR_FEEDBACK and NEGATIVE_REVIEW look at feedback this recent
 * @param detractorMaxNps           DETRACTOR_FEEDBACK: the latest survey is an NPS at most this (NPS detractors: 0-6)...
 * @param detractorMaxCsat          ... or a CSAT at most this
 * @param negativeReviewMaxScore    NEGATIVE_REVIEW: a review scored at most this, or of NEGATIVE sentiment
 * @param openComplaintWindow       OPEN_COMPLAINTS: a complaint (or a HIGH-severity or negative support ticket) this
 *                                  recent counts as open (feedback events carry no resolution)
 * @param repeatedComplaintWindow   REPEATED_COMPLAINTS: complaints in this window...
 * @param repeatedComplaintCount    ... at least this many
 */
public record RuleSettings(double overdueFactor, int overdueMinPurchaseDays, Duration frequencyWindow,
                           int frequencyMinPrevious, double frequencyDropRatio, double lowProbabilityAlive,
                           double highModelRisk, Set<String> highValueTiers, Set<String> lowValueTiers,
                           Duration quietAfter, Duration refundWindow, int refundMinCount, BigDecimal refundMinShare,
                           Duration feedbackWindow, int detractorMaxNps, int detractorMaxCsat,
                           int negativeReviewMaxScore, Duration openComplaintWindow, Duration repeatedComplaintWindow,
                           int repeatedComplaintCount) {

    public RuleSettings {
        Objects.requireNonNull(frequencyWindow, "frequencyWindow");
        Objects.requireNonNull(quietAfter, "quietAfter");
        Objects.requireNonNull(refundWindow, "refundWindow");
        Objects.requireNonNull(refundMinShare, "refundMinShare");
        if (overdueFactor <= 0 || overdueMinPurchaseDays < 2 || frequencyMinPrevious < 1
                || frequencyDropRatio < 0 || frequencyDropRatio >= 1) {
            throw new IllegalArgumentException("overdue factor > 0, min purchase days >= 2, min previous >= 1, "
                    + "drop ratio in [0, 1)");
        }
        if (!(lowProbabilityAlive > 0 && lowProbabilityAlive < 1) || !(highModelRisk > 0 && highModelRisk < 1)) {
            throw new IllegalArgumentException("probability thresholds must be in (0, 1)");
        }
        if (refundMinCount < 1 || refundMinShare.signum() < 0) {
            throw new IllegalArgumentException("refund thresholds: count >= 1, share >= 0");
        }
        Objects.requireNonNull(feedbackWindow, "feedbackWindow");
        Objects.requireNonNull(openComplaintWindow, "openComplaintWindow");
        Objects.requireNonNull(repeatedComplaintWindow, "repeatedComplaintWindow");
        if (repeatedComplaintCount < 2) {
            throw new IllegalArgumentException("repeated complaints means at least 2");
        }
        highValueTiers = Set.copyOf(highValueTiers);
        lowValueTiers = Set.copyOf(lowValueTiers);
    }
}
