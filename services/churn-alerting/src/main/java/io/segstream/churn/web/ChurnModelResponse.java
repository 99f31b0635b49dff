package io.segstream.churn.web;

import io.segstream.churn.domain.ModelFit;
import io.segstream.churn.domain.model.BgNbdParameters;
import io.segstream.churn.domain.model.FittedModel;

import java.time.Duration;
import java.time.Instant;

/**
 * GET /api/v1/churn-model and POST /api/v1/churn-model/fit: the fitted BG/NBD model.
 *
 * @param parameters     r, alpha (in {@code timeUnit}), a, b
 * @param logLikelihood  the maximised log-likelihood (natural log, summed over customers)
 * @param sampleSize     customers with at least one purchase by {@code asOf}
 * @param fitDurationMs  wall time of the fit
 * @param asOf           the history's cut-off: no purchase after it was used
 * @param fittedAt       when the fit was made; the model's age counts from it
 */
record ChurnModelResponse(Parameters parameters, double logLikelihood, long sampleSize, int distinctSummaries,
                          int iterations, int evaluations, long fitDurationMs, Duration fitDuration, Instant asOf,
                          Instant fittedAt) {

    record Parameters(double r, double alpha, double a, double b, String timeUnit) {
    }

    static ChurnModelResponse of(ModelFit fit) {
        FittedModel model = fit.fitted();
        BgNbdParameters p = model.parameters();
        return new ChurnModelResponse(new Parameters(p.r(), p.alpha(), p.a(), p.b(), p.unit().name()),
                model.logLikelihood(), model.customers(), model.distinctSummaries(), model.iterations(),
                model.evaluations(), model.fitDuration().toMillis(), model.fitDuration(), model.asOf(),
                fit.fittedAt());
    }
}
