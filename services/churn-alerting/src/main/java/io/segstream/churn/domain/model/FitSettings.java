package io.segstream.churn.domain.model;

import java.util.List;

/**
 * How {@link BgNbdFitter} searches for the maximum of the likelihood. The search runs Nelder-Mead (commons-math3
 * {@code SimplexOptimizer}) on the logarithms of r, alpha, a and b, so the parameters stay positive without
 * constraints, from each starting point; the best end point is then restarted with a fresh simplex until a restart
 * no longer improves the log-likelihood by more than {@code absoluteTolerance} (Nelder-Mead can stall on a collapsed
 * simplex; a restart is the standard cure).
 *
 * @param startingPoints    where the searches start; alpha is given relative to the mean customer age, so the same
 *                          settings serve any time unit and any history length
 * @param initialStep       edge of the initial simplex in log-parameter space (0.5: each parameter first moves by a
 *                          factor e^0.5 = 1.65)
 * @param relativeTolerance a Nelder-Mead run stops when no vertex's log-likelihood changed by more than this
 *                          fraction (or by {@code absoluteTolerance}) in one iteration
 * @param absoluteTolerance the same test in absolute log-likelihood units; also the improvement below which restarts
 *                          stop
 * @param maxIterations     iteration limit of one Nelder-Mead run (exceeding it fails that run)
 * @param maxEvaluations    likelihood evaluation limit of one Nelder-Mead run
 * @param maxRestarts       restarts of the best point after the starts
 * @param minParameter      parameters below this are treated as impossible (likelihood minus infinity): keeps the
 *                          search away from degenerate corners where the gamma functions lose precision
 * @param maxParameter      parameters above this are treated as impossible, for the same reason
 */
public record FitSettings(List<StartingPoint> startingPoints, double initialStep, double relativeTolerance,
                          double absoluteTolerance, int maxIterations, int maxEvaluations, int maxRestarts,
                          double minParameter, double maxParameter) {

    /**
     * The defaults: three starts spread over the plausible range (mild, strong and weak heterogeneity), tolerances
     * well below what matters for scoring (a log-likelihood change of 1e-8 moves no parameter in its third
     * significant digit), limits far above what the CDNOW fit uses (about 220 evaluations per start) so that only
     * a genuinely stuck search fails.
     */
    public static FitSettings defaults() {
        return new FitSettings(
                List.of(new StartingPoint(1.0, 0.1, 1.0, 1.0),
                        new StartingPoint(0.5, 0.5, 0.5, 3.0),
                        new StartingPoint(2.0, 0.02, 2.0, 10.0)),
                0.5, 1e-12, 1e-8, 10_000, 20_000, 5, 1e-8, 1e8);
    }

    public FitSettings {
        startingPoints = List.copyOf(startingPoints);
        if (startingPoints.isEmpty()) {
            throw new IllegalArgumentException("at least one starting point");
        }
        if (!(initialStep > 0) || !(relativeTolerance >= 0) || !(absoluteTolerance >= 0)) {
            throw new IllegalArgumentException("initialStep > 0 and tolerances >= 0");
        }
        if (maxIterations < 1 || maxEvaluations < 1 || maxRestarts < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (!(minParameter > 0) || !(maxParameter > minParameter)) {
            throw new IllegalArgumentException("need 0 < minParameter < maxParameter");
        }
    }

    /**
     * A starting point of the search.
     *
     * @param alphaOverMeanAge alpha divided by the population's mean age T
     */
    public record StartingPoint(double r, double alphaOverMeanAge, double a, double b) {
        public StartingPoint {
            if (!(r > 0) || !(alphaOverMeanAge > 0) || !(a > 0) || !(b > 0)) {
                throw new IllegalArgumentException("starting values must be positive");
            }
        }
    }
}
