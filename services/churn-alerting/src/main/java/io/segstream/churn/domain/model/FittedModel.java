package io.segstream.churn.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The result of a maximum-likelihood fit.
 *
 * @param parameters        the estimates, with their time unit
 * @param logLikelihood     the maximised log-likelihood (natural log, summed over customers)
 * @param customers         sample size
 * @param distinctSummaries distinct (x, t_x, T) rows the likelihood was evaluated on
 * @param iterations        Nelder-Mead iterations over all starts and restarts
 * @param evaluations       likelihood evaluations over all starts and restarts
 * @param fitDuration       wall time of the fit
 * @param asOf              the instant the history was summarised at (no purchase after it was used)
 */
public record FittedModel(BgNbdParameters parameters, double logLikelihood, long customers, int distinctSummaries,
                          int iterations, int evaluations, Duration fitDuration, Instant asOf) {

    public FittedModel {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(fitDuration, "fitDuration");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** The scoring model for these parameters. */
    public BgNbdModel model() {
        return new BgNbdModel(parameters);
    }
}
