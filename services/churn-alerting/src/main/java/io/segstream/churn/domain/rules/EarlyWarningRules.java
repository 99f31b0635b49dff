package io.segstream.churn.domain.rules;

import io.segstream.churn.domain.ActivityPolicy;
import io.segstream.churn.domain.CustomerActivity;
import io.segstream.churn.domain.FeedbackFact;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.churn.domain.PurchaseFact;
import io.segstream.churn.domain.SegmentClass;
import io.segstream.churn.domain.model.ChurnRiskScore;
import io.segstream.contracts.churn.ChurnReason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The early-warning rules, each with its reason code (docs: services/churn-alerting/README.md, "Rules"). Plain Java,
 * stateless, thread-safe; the as-of instant is an argument, so a replayed period is judged by its own time.
 */
public final class EarlyWarningRules {
    private final RuleSettings settings;
    private final ActivityPolicy policy;

    public EarlyWarningRules(RuleSettings settings, ActivityPolicy policy) {
        this.settings = settings;
        this.policy = policy;
    }

    public RuleSettings settings() {
        return settings;
    }

    /** The rules that fire for this customer as of the instant, in the order of {@link ChurnReason}. */
    public List<RuleFinding> evaluate(CustomerActivity customer, Instant asOf, Optional<ChurnRiskScore> score) {
        List<RuleFinding> findings = new ArrayList<>();
        LocalDate today = policy.dayOf(asOf);
        SortedSet<LocalDate> days = customer.purchaseDays().headSet(today.plusDays(1));
        overdue(days, today).ifPresent(findings::add);
        fallingFrequency(days, today).ifPresent(findings::add);
        score.flatMap(this::lowProbabilityAlive).ifPresent(findings::add);
        List<FeedbackFact> feedback = customer.feedback().stream()
                .filter(fact -> !fact.occurredAt().isAfter(asOf)).toList();
        detractor(feedback, asOf).ifPresent(findings::add);
        negativeReview(feedback, asOf).ifPresent(findings::add);
        openComplaints(feedback, asOf).ifPresent(findings::add);
        repeatedComplaints(feedback, asOf).ifPresent(findings::add);
        highValueGoingQuiet(days, today, valueTier(customer)).ifPresent(findings::add);
        refundSpike(customer.purchases(), asOf).ifPresent(findings::add);
        return findings;
    }

    /** The customer's value tier from segmentation's {@code value-tier} dimension; null until one arrived. */
    public static String valueTier(CustomerActivity customer) {
        return customer.segment(CustomerActivity.VALUE_TIER).map(SegmentClass::className).orElse(null);
    }

    /**
     * OVERDUE_VS_OWN_CADENCE: the silence since the last purchase day exceeds {@code overdueFactor} times the median
     * gap between the customer's purchase days (median: one unusually long pause does not hide a steady rhythm).
     */
    Optional<RuleFinding> overdue(SortedSet<LocalDate> days, LocalDate today) {
        if (days.size() < settings.overdueMinPurchaseDays()) {
            return Optional.empty();
        }
        double median = medianGapDays(days);
        long silence = ChronoUnit.DAYS.between(days.last(), today);
        double limit = median * settings.overdueFactor();
        if (silence <= limit) {
            return Optional.empty();
        }
        return Optional.of(finding(ChurnReason.OVERDUE_VS_OWN_CADENCE, "daysSinceLastPurchase", silence,
                "medianGapDays", median, "overdueFactor", settings.overdueFactor(), "overdueAfterDays", limit));
    }

    /** The day on which a customer with these purchase days becomes overdue (for the sweep); empty without rhythm. */
    public Optional<LocalDate> overdueFrom(SortedSet<LocalDate> days) {
        if (days.size() < settings.overdueMinPurchaseDays()) {
            return Optional.empty();
        }
        long limit = (long) Math.floor(medianGapDays(days) * settings.overdueFactor());
        return Optional.of(days.last().plusDays(limit + 1));
    }

    /**
     * FALLING_FREQUENCY: purchase days in the last {@code frequencyWindow} at most {@code frequencyDropRatio} of
     * those in the window before, when that one had at least {@code frequencyMinPrevious}.
     */
    Optional<RuleFinding> fallingFrequency(SortedSet<LocalDate> days, LocalDate today) {
        long window = settings.frequencyWindow().toDays();
        LocalDate recentStart = today.minusDays(window - 1);
        LocalDate previousStart = recentStart.minusDays(window);
        int recent = days.tailSet(recentStart).size();
        int previous = days.subSet(previousStart, recentStart).size();
        if (previous < settings.frequencyMinPrevious() || recent > previous * settings.frequencyDropRatio()) {
            return Optional.empty();
        }
        return Optional.of(finding(ChurnReason.FALLING_FREQUENCY, "recentPurchaseDays", recent,
                "previousPurchaseDays", previous, "windowDays", window, "dropRatio", settings.frequencyDropRatio()));
    }

    /**
     * LOW_PROBABILITY_ALIVE: the model gives a repeat buyer a P(alive) below {@code lowProbabilityAlive}, or anyone a
     * risk (no purchase within the risk horizon) of at least {@code highModelRisk}. P(alive) alone is 1 for customers
     * without a repeat purchase, so for them only the risk counts.
     */
    Optional<RuleFinding> lowProbabilityAlive(ChurnRiskScore score) {
        boolean lowAlive = score.repeatBuyer() && score.probabilityAlive() < settings.lowProbabilityAlive();
        if (!lowAlive && score.risk() < settings.highModelRisk()) {
            return Optional.empty();
        }
        return Optional.of(finding(ChurnReason.LOW_PROBABILITY_ALIVE, "pAlive", score.probabilityAlive(),
                "riskScore", score.risk(), "lowProbabilityAlive", settings.lowProbabilityAlive(),
                "highModelRisk", settings.highModelRisk()));
    }

    /**
     * HIGH_VALUE_GOING_QUIET: a customer in a high value tier without purchase for {@code quietAfter}. Without a
     * value tier (segmentation may not publish that dimension) the rule does not fire.
     */
    Optional<RuleFinding> highValueGoingQuiet(SortedSet<LocalDate> days, LocalDate today, String valueTier) {
        if (valueTier == null || !settings.highValueTiers().contains(valueTier) || days.isEmpty()) {
            return Optional.empty();
        }
        long silence = ChronoUnit.DAYS.between(days.last(), today);
        if (silence < settings.quietAfter().toDays()) {
            return Optional.empty();
        }
        return Optional.of(finding(ChurnReason.HIGH_VALUE_GOING_QUIET, "valueTier", valueTier,
                "daysSinceLastPurchase", silence, "quietAfterDays", settings.quietAfter().toDays()));
    }

    /**
     * REFUND_SPIKE: at least {@code refundMinCount} refunds in the last {@code refundWindow}, together at least
     * {@code refundMinShare} of what the customer bought in that window (any share when she bought nothing in it).
     */
    Optional<RuleFinding> refundSpike(List<PurchaseFact> facts, Instant asOf) {
        Instant from = asOf.minus(settings.refundWindow());
        int refunds = 0;
        BigDecimal refunded = BigDecimal.ZERO;
        BigDecimal bought = BigDecimal.ZERO;
        for (PurchaseFact fact : facts) {
            if (fact.occurredAt().isAfter(from) && !fact.occurredAt().isAfter(asOf)) {
                if (fact.isPurchase()) {
                    bought = bought.add(fact.amount());
                } else {
                    refunds++;
                    refunded = refunded.add(fact.amount().negate());
                }
            }
        }
        if (refunds < settings.refundMinCount()
                || (bought.signum() > 0 && refunded.compareTo(bought.multiply(settings.refundMinShare())) < 0)) {
            return Optional.empty();
        }
        BigDecimal share = bought.signum() > 0 ? refunded.divide(bought, 4, RoundingMode.HALF_UP) : null;
        return Optional.of(finding(ChurnReason.REFUND_SPIKE, "refunds", refunds, "refundedShare", share,
                "windowDays", settings.refundWindow().toDays(), "minRefunds", settings.refundMinCount(),
                "minShare", settings.refundMinShare()));
    }

    /**
     * DETRACTOR_FEEDBACK: the customer's latest survey answer within {@code feedbackWindow} is a detractor's: NPS at
     * most {@code detractorMaxNps} or CSAT at most {@code detractorMaxCsat}. A later better answer clears it.
     */
    Optional<RuleFinding> detractor(List<FeedbackFact> feedback, Instant asOf) {
        Instant from = asOf.minus(settings.feedbackWindow());
        FeedbackFact latest = null;
        for (FeedbackFact fact : feedback) {
            if ((fact.kind() == FeedbackKind.NPS_SURVEY || fact.kind() == FeedbackKind.CSAT_SURVEY)
                    && fact.score() != null && fact.occurredAt().isAfter(from)) {
                latest = fact;
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        int limit = latest.kind() == FeedbackKind.NPS_SURVEY ? settings.detractorMaxNps() : settings.detractorMaxCsat();
        if (latest.score() > limit) {
            return Optional.empty();
        }
        return Optional.of(finding(ChurnReason.DETRACTOR_FEEDBACK, "kind", latest.kind().name(), "score",
                latest.score(), "maxScore", limit, "at", latest.occurredAt().toString()));
    }

    /** NEGATIVE_REVIEW: a review within {@code feedbackWindow} scored at most the threshold or of NEGATIVE sentiment. */
    Optional<RuleFinding> negativeReview(List<FeedbackFact> feedback, Instant asOf) {
        Instant from = asOf.minus(settings.feedbackWindow());
        List<FeedbackFact> negative = feedback.stream()
                .filter(fact -> fact.kind() == FeedbackKind.REVIEW && fact.occurredAt().isAfter(from))
                .filter(fact -> (fact.score() != null && fact.score() <= settings.negativeReviewMaxScore())
                        || fact.sentiment() == Sentiment.NEGATIVE)
                .toList();
        if (negative.isEmpty()) {
            return Optional.empty();
        }
        FeedbackFact latest = negative.get(negative.size() - 1);
        return Optional.of(finding(ChurnReason.NEGATIVE_REVIEW, "negativeReviews", negative.size(), "latestScore",
                latest.score(), "maxScore", settings.negativeReviewMaxScore(), "windowDays",
                settings.feedbackWindow().toDays()));
    }

    /**
     * OPEN_COMPLAINTS: a complaint (or a HIGH-severity or negative support ticket) within
     * {@code openComplaintWindow}: feedback events carry no resolution, so a recent complaint counts as open.
     */
    Optional<RuleFinding> openComplaints(List<FeedbackFact> feedback, Instant asOf) {
        List<FeedbackFact> open = complaints(feedback, asOf.minus(settings.openComplaintWindow()));
        if (open.isEmpty()) {
            return Optional.empty();
        }
        ComplaintSeverity worst = open.stream().map(FeedbackFact::severity).filter(java.util.Objects::nonNull)
                .max(Enum::compareTo).orElse(null);
        return Optional.of(finding(ChurnReason.OPEN_COMPLAINTS, "openComplaints", open.size(), "worstSeverity",
                worst == null ? null : worst.name(), "windowDays", settings.openComplaintWindow().toDays()));
    }

    /** REPEATED_COMPLAINTS: at least {@code repeatedComplaintCount} complaints within the repeated-complaint window. */
    Optional<RuleFinding> repeatedComplaints(List<FeedbackFact> feedback, Instant asOf) {
        int count = complaints(feedback, asOf.minus(settings.repeatedComplaintWindow())).size();
        if (count < settings.repeatedComplaintCount()) {
            return Optional.empty();
        }
        return Optional.of(finding(ChurnReason.REPEATED_COMPLAINTS, "complaints", count, "minComplaints",
                settings.repeatedComplaintCount(), "windowDays", settings.repeatedComplaintWindow().toDays()));
    }

    private static List<FeedbackFact> complaints(List<FeedbackFact> feedback, Instant from) {
        return feedback.stream().filter(fact -> fact.occurredAt().isAfter(from))
                .filter(fact -> fact.kind() == FeedbackKind.COMPLAINT || (fact.kind() == FeedbackKind.SUPPORT_TICKET
                        && (fact.severity() == ComplaintSeverity.HIGH || fact.sentiment() == Sentiment.NEGATIVE)))
                .toList();
    }

    static double medianGapDays(SortedSet<LocalDate> days) {
        long[] gaps = new long[days.size() - 1];
        LocalDate previous = null;
        int i = 0;
        for (LocalDate day : days) {
            if (previous != null) {
                gaps[i++] = ChronoUnit.DAYS.between(previous, day);
            }
            previous = day;
        }
        Arrays.sort(gaps);
        int n = gaps.length;
        return n % 2 == 1 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2.0;
    }

    private static RuleFinding finding(ChurnReason reason, Object... namesAndValues) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            figures.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new RuleFinding(reason, figures);
    }
}
