package io.segstream.churn.domain;

import io.segstream.churn.domain.model.FittedModel;

import java.util.Objects;
import java.time.Instant;

/**
 * A fitted churn model as stored: the fit and the wall-clock instant it was made (its age is measured from there;
 * {@link FittedModel#asOf()} is the history's cut-off, which can lie far in the past for a replayed period).
 */
public record ModelFit(FittedModel fitted, Instant fittedAt) {
    public ModelFit {
        Objects.requireNonNull(fitted, "fitted");
        Objects.requireNonNull(fittedAt, "fittedAt");
    }
}
