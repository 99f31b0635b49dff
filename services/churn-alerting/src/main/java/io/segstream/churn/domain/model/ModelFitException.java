package io.segstream.churn.domain.model;

/** The likelihood search did not converge from any starting point within the limits of its {@link FitSettings}. */
public class ModelFitException extends RuntimeException {

    public ModelFitException(String message, Throwable cause) {
        super(message, cause);
    }
}
