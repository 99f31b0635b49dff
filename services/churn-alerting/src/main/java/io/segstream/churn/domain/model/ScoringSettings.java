package io.segstream.churn.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Horizons of the per-customer figures.
 *
 * @param shortHorizon        first horizon of the expected purchases (30 days by default)
 * @param longHorizon         second horizon of the expected purchases (90 days by default)
 * @param riskHorizon         the risk is the probability of no purchase within this period (90 days by default: long
 *                            enough for a monthly buyer to show up more than twice, short enough to act on)
 * @param crossingResolution  precision of {@link ChurnRiskScorer#timeUntilRiskReaches} (1 hour by default: a sweep
 *                            runs far less often)
 * @param crossingSearchLimit how far ahead {@link ChurnRiskScorer#timeUntilRiskReaches} looks (10 years by default)
 */
public record ScoringSettings(Duration shortHorizon, Duration longHorizon, Duration riskHorizon,
                              Duration crossingResolution, Duration crossingSearchLimit) {

    public static ScoringSettings defaults() {
        return new ScoringSettings(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(90), Duration.ofHours(1),
                Duration.ofDays(3650));
    }

    public ScoringSettings {
        for (Duration d : new Duration[] {shortHorizon, longHorizon, riskHorizon, crossingResolution,
                crossingSearchLimit}) {
            Objects.requireNonNull(d, "horizon");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("horizons must be positive");
            }
        }
    }
}
