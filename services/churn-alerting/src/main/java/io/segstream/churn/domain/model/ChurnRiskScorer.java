package io.segstream.churn.domain.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a fitted model into per-customer churn figures.
 *
 * <p>The risk is P(no purchase within the risk horizon | x, t_x, T)
 * = 1 - P(alive) (1 - ((alpha + T) / (alpha + T + h))^(r + x)). It blends the two things the model knows: whether the
 * customer is still alive and, if so, how fast she buys (the posterior of her rate is Gamma(r + x, alpha + T)). Its
 * properties, each tested:
 * <ul>
 *   <li>it rises with silence: for fixed x and t_x it strictly increases with T, towards 1, for every customer,
 *       including those without repeat purchase (whose P(alive) is stuck at 1 but whose posterior rate keeps
 *       falling); so a sweep can precompute when it will cross a threshold ({@link #timeUntilRiskReaches});</li>
 *   <li>it falls when the last purchase is more recent (larger t_x at the same x and T);</li>
 *   <li>it falls with more purchases at the same recency as long as the silence is short next to the customer's own
 *       rhythm (in particular right after a purchase, t_x = T); after a long silence the model says the opposite on
 *       purpose: a frequent buyer who has gone quiet is more likely gone than an occasional one (this is the
 *       "frequency paradox" of P(alive), documented in docs/churn-model.md).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class ChurnRiskScorer {

    private final BgNbdModel model;
    private final ScoringSettings settings;
    private final double shortHorizon;
    private final double longHorizon;
    private final double riskHorizon;
    private final double resolution;
    private final double searchLimit;

    public ChurnRiskScorer(BgNbdModel model, ScoringSettings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.settings = Objects.requireNonNull(settings, "settings");
        ModelTimeUnit unit = model.unit();
        this.shortHorizon = unit.of(settings.shortHorizon());
        this.longHorizon = unit.of(settings.longHorizon());
        this.riskHorizon = unit.of(settings.riskHorizon());
        this.resolution = unit.of(settings.crossingResolution());
        this.searchLimit = unit.of(settings.crossingSearchLimit());
    }

    public BgNbdModel model() {
        return model;
    }

    public ScoringSettings settings() {
        return settings;
    }

    public ChurnRiskScore score(PurchaseSummary summary) {
        PurchaseSummary s = summary.in(model.unit());
        int x = s.repeatPurchases();
        double age = s.age();
        double alive = model.probabilityAlive(x, s.timeOfLastPurchase(), age);
        double shortTerm = alive * model.expectedGivenAlive(x, age, shortHorizon);
        double longTerm = alive * model.expectedGivenAlive(x, age, longHorizon);
        double purchase = alive * model.purchaseGivenAlive(x, age, riskHorizon);
        return new ChurnRiskScore(alive, shortTerm, longTerm, purchase, 1 - purchase, x > 0);
    }

    /** The risk alone (cheaper than {@link #score} when only the risk is needed). */
    public double risk(PurchaseSummary summary) {
        PurchaseSummary s = summary.in(model.unit());
        return risk(s.repeatPurchases(), s.timeOfLastPurchase(), s.age());
    }

    private double risk(int x, double timeOfLastPurchase, double age) {
        return 1 - model.probabilityAlive(x, timeOfLastPurchase, age) * model.purchaseGivenAlive(x, age, riskHorizon);
    }

    /**
     * How much longer the customer can stay silent before her risk reaches {@code threshold}: the smallest whole
     * multiple of {@link ScoringSettings#crossingResolution()} at which it does; zero if it already has, empty if it
     * does not within {@link ScoringSettings#crossingSearchLimit()}. A sweep stores as-of + this as the customer's next
     * check time and need not look at her before then (a purchase changes the summary and calls for a new check time).
     *
     * @param threshold a risk in (0, 1)
     */
    public Optional<Duration> timeUntilRiskReaches(PurchaseSummary summary, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), was " + threshold);
        }
        PurchaseSummary s = summary.in(model.unit());
        int x = s.repeatPurchases();
        double last = s.timeOfLastPurchase();
        double age = s.age();
        if (risk(x, last, age) >= threshold) {
            return Optional.of(Duration.ZERO);
        }
        // Risk increases with silence: double the number of steps until it is reached, then bisect on whole steps.
        long maxSteps = (long) Math.floor(searchLimit / resolution);
        long below = 0; // not reached after this many steps
        long above = 1;
        while (risk(x, last, age + above * resolution) < threshold) {
            if (above >= maxSteps) {
                return Optional.empty();
            }
            below = above;
            above = Math.min(2 * above, maxSteps);
        }
        while (above - below > 1) {
            long middle = (below + above) >>> 1;
            if (risk(x, last, age + middle * resolution) >= threshold) {
                above = middle;
            } else {
                below = middle;
            }
        }
        return Optional.of(settings.crossingResolution().multipliedBy(above));
    }
}
