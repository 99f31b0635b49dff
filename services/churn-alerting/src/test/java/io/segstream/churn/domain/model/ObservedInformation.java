package io.segstream.churn.domain.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Gradient and Hessian of the total log-likelihood in log-parameters (ln r, ln alpha, ln a, ln b), by central finite
 * differences; the inverse of minus the Hessian at the maximum is the asymptotic covariance of the estimates, whose
 * diagonal gives the standard errors of the log-parameters (relative standard errors of the parameters).
 */
final class ObservedInformation {

    /** Finite-difference step in log-parameters: small next to the standard errors, large next to rounding. */
    private static final double STEP = 1e-3;
    private static final int DIMENSION = 4;

    private final BgNbdLikelihood likelihood;
    private final double[] logPoint;
    private final ModelTimeUnit unit;

    ObservedInformation(CalibrationData data, BgNbdParameters at) {
        this.likelihood = new BgNbdLikelihood(data);
        this.logPoint = new double[] {Math.log(at.r()), Math.log(at.alpha()), Math.log(at.a()), Math.log(at.b())};
        this.unit = at.unit();
    }

    private double value(double[] logParameters) {
        return likelihood.total(new BgNbdParameters(Math.exp(logParameters[0]), Math.exp(logParameters[1]),
                Math.exp(logParameters[2]), Math.exp(logParameters[3]), unit));
    }

    private double shifted(int i, double di, int j, double dj) {
        double[] point = logPoint.clone();
        point[i] += di;
        point[j] += dj;
        return value(point);
    }

    RealVector gradient() {
        double[] g = new double[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            g[i] = (shifted(i, STEP, i, 0) - shifted(i, -STEP, i, 0)) / (2 * STEP);
        }
        return new ArrayRealVector(g);
    }

    RealMatrix hessian() {
        double[][] h = new double[DIMENSION][DIMENSION];
        double center = value(logPoint);
        for (int i = 0; i < DIMENSION; i++) {
            h[i][i] = (shifted(i, STEP, i, 0) - 2 * center + shifted(i, -STEP, i, 0)) / (STEP * STEP);
            for (int j = i + 1; j < DIMENSION; j++) {
                h[i][j] = (shifted(i, STEP, j, STEP) - shifted(i, STEP, j, -STEP) - shifted(i, -STEP, j, STEP)
                        + shifted(i, -STEP, j, -STEP)) / (4 * STEP * STEP);
                h[j][i] = h[i][j];
            }
        }
        return new Array2DRowRealMatrix(h);
    }

    /** Asymptotic covariance of the log-parameters: (-H)^-1. */
    RealMatrix covariance() {
        return new LUDecomposition(hessian().scalarMultiply(-1)).getSolver().getInverse();
    }

    /** Standard errors of ln r, ln alpha, ln a, ln b. */
    double[] standardErrors() {
        RealMatrix covariance = covariance();
        double[] se = new double[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            se[i] = Math.sqrt(covariance.getEntry(i, i));
        }
        return se;
    }

    /** The Newton step -H^-1 g: how far (in log-parameters) the true maximum is from the given point. */
    double[] newtonStep() {
        return covariance().operate(gradient()).toArray();
    }
}
