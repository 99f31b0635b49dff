package io.segstream.churn.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood estimation of the BG/NBD parameters: Nelder-Mead (commons-math3) on log-parameters from several
 * starting points, then restarts from the best point; see {@link FitSettings}. Stateless and thread-safe.
 */
public final class BgNbdFitter {

    private static final int PARAMETERS = 4;

    private final FitSettings settings;

    public BgNbdFitter(FitSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Fits the model to {@code data}, summarised as of {@code asOf} (recorded in the result, not used otherwise).
     *
     * @throws IllegalArgumentException if the data has no customer or no observation time at all
     * @throws ModelFitException        if no search converged within the limits
     */
    public FittedModel fit(CalibrationData data, Instant asOf) {
        if (data.customers() == 0 || !(data.meanAge() > 0)) {
            throw new IllegalArgumentException("the population needs customers observed for some time");
        }
        long started = System.nanoTime();
        Search search = new Search(data);
        PointValuePair best = null;
        RuntimeException lastFailure = null;
        for (FitSettings.StartingPoint start : settings.startingPoints()) {
            double[] guess = {Math.log(start.r()), Math.log(start.alphaOverMeanAge() * data.meanAge()),
                    Math.log(start.a()), Math.log(start.b())};
            try {
                PointValuePair found = search.run(guess);
                if (best == null || found.getValue() > best.getValue()) {
                    best = found;
                }
            } catch (MathIllegalStateException e) {
                lastFailure = e;
            }
        }
        if (best == null) {
            throw new ModelFitException("no likelihood search converged", lastFailure);
        }
        for (int restart = 0; restart < settings.maxRestarts(); restart++) {
            PointValuePair polished;
            try {
                polished = search.run(best.getPoint());
            } catch (MathIllegalStateException e) {
                break; // keep the converged point we have
            }
            double improvement = polished.getValue() - best.getValue();
            if (improvement > 0) {
                best = polished;
            }
            if (!(improvement > settings.absoluteTolerance())) {
                break;
            }
        }
        double[] p = Arrays.stream(best.getPoint()).map(Math::exp).toArray();
        BgNbdParameters parameters = new BgNbdParameters(p[0], p[1], p[2], p[3], data.unit());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new FittedModel(parameters, best.getValue(), data.customers(), data.distinctSummaries(),
                search.iterations, search.evaluations, took, asOf);
    }

    /** Runs Nelder-Mead searches on one data set and counts their work. */
    private final class Search {
        private final BgNbdLikelihood likelihood;
        private final double logMin = Math.log(settings.minParameter());
        private final double logMax = Math.log(settings.maxParameter());
        int iterations;
        int evaluations;

        Search(CalibrationData data) {
            this.likelihood = new BgNbdLikelihood(data);
        }

        PointValuePair run(double[] start) {
            SimplexOptimizer optimizer = new SimplexOptimizer(
                    new SimpleValueChecker(settings.relativeTolerance(), settings.absoluteTolerance()));
            double[] steps = new double[PARAMETERS];
            Arrays.fill(steps, settings.initialStep());
            try {
                return optimizer.optimize(
                        new MaxEval(settings.maxEvaluations()),
                        new MaxIter(settings.maxIterations()),
                        new ObjectiveFunction(this::objective),
                        GoalType.MAXIMIZE,
                        new InitialGuess(start),
                        new NelderMeadSimplex(steps));
            } finally {
                iterations += optimizer.getIterations();
                evaluations += optimizer.getEvaluations();
            }
        }

        private double objective(double[] logParameters) {
            for (double value : logParameters) {
                if (!(value >= logMin && value <= logMax)) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            double value = likelihood.total(Math.exp(logParameters[0]), Math.exp(logParameters[1]),
                    Math.exp(logParameters[2]), Math.exp(logParameters[3]));
            return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        }
    }
}
