package io.segstream.churn.domain;

import io.segstream.churn.domain.model.BgNbdFitter;
import io.segstream.churn.domain.model.CalibrationData;
import io.segstream.churn.domain.model.ChurnRiskScorer;
import io.segstream.churn.domain.model.FitSettings;
import io.segstream.churn.domain.model.FittedModel;
import io.segstream.churn.domain.model.ModelTimeUnit;
import io.segstream.churn.domain.model.PurchaseSummary;
import io.segstream.churn.domain.model.ScoringSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Fits the BG/NBD model on the whole population's purchase days as of an instant, keeps it in the model store and
 * serves the scorer of the current model. Plain Java: times come in as arguments.
 *
 * <p>The current fit is cached here (read once from the store at start, replaced by every fit) so that scoring never
 * costs a round trip; {@link #reload()} picks up a fit made by another instance.
 */
public final class ModelFitting {
    private final Population population;
    private final ChurnModelStore store;
    private final ActivityPolicy policy;
    private final ModelTimeUnit unit;
    private final ScoringSettings scoring;
    private final BgNbdFitter fitter;
    private volatile Current current;

    private record Current(ModelFit fit, ChurnRiskScorer scorer) {
    }

    public ModelFitting(Population population, ChurnModelStore store, ActivityPolicy policy, ModelTimeUnit unit,
                        ScoringSettings scoring, FitSettings fitSettings) {
        this.population = population;
        this.store = store;
        this.policy = policy;
        this.unit = unit;
        this.scoring = scoring;
        this.fitter = new BgNbdFitter(fitSettings);
    }

    /**
     * Fits on every customer's purchase days up to the day of {@code asOf} (later days are ignored, so a model can be
     * fitted on a calibration period of replayed history), stores it and makes it current.
     *
     * @param fittedAt the wall-clock instant of the fit (the model's age counts from it)
     * @throws IllegalArgumentException when no customer bought by then, or there is no observation time
     * @throws io.segstream.churn.domain.model.ModelFitException when the optimiser does not converge
     */
    public ModelFit fit(Instant asOf, Instant fittedAt) {
        LocalDate asOfDay = policy.dayOf(asOf);
        CalibrationData.Builder data = CalibrationData.builder(unit);
        population.forEachPurchaseDays(days -> PurchaseSummary.fromPurchaseDays(days, asOfDay, unit)
                .ifPresent(data::add));
        FittedModel fitted = fitter.fit(data.build(), asOf);
        ModelFit fit = new ModelFit(fitted, fittedAt);
        store.save(fit);
        current = new Current(fit, new ChurnRiskScorer(fitted.model(), scoring));
        return fit;
    }

    /** Whether a fit is due: none yet and at least {@code minCustomers} customers, or the current one is too old. */
    public boolean fitDue(Instant now, long minCustomers, Duration refitInterval) {
        Optional<ModelFit> fit = currentFit();
        if (fit.isEmpty()) {
            return population.size() >= minCustomers;
        }
        return !fit.get().fittedAt().plus(refitInterval).isAfter(now);
    }

    /** Reads the latest stored fit and makes it current. */
    public Optional<ModelFit> reload() {
        Optional<ModelFit> latest = store.latest();
        latest.ifPresent(fit -> {
            Current now = current;
            if (now == null || !now.fit().equals(fit)) {
                current = new Current(fit, new ChurnRiskScorer(fit.fitted().model(), scoring));
            }
        });
        return latest;
    }

    public Optional<ModelFit> currentFit() {
        Current now = current;
        return now == null ? Optional.empty() : Optional.of(now.fit());
    }

    public Optional<ChurnRiskScorer> scorer() {
        Current now = current;
        return now == null ? Optional.empty() : Optional.of(now.scorer());
    }

    /** The unit summaries are built in for scoring. */
    public ModelTimeUnit unit() {
        return unit;
    }
}
