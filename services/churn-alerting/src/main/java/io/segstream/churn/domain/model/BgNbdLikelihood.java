package io.segstream.churn.domain.model;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The BG/NBD log-likelihood (Fader, Hardie and Lee 2005, eq. 6), written as in their note and in lifetimes:
 * <pre>
 *   ln L = A1 + A2 + ln(exp(A3) + [x > 0] exp(A4))
 *   A1 = lnG(r + x) - lnG(r) + r ln(alpha)
 *   A2 = lnG(a + b) + lnG(b + x) - lnG(b) - lnG(a + b + x)
 *   A3 = -(r + x) ln(alpha + T)
 *   A4 = ln(a) - ln(b + x - 1) - (r + x) ln(alpha + t_x)
 * </pre>
 * Everything stays in logarithms (log-gamma instead of gamma or beta functions, log-sum-exp for the last term), so
 * large x and T neither overflow nor underflow.
 */
public final class BgNbdLikelihood {

    private final CalibrationData data;
    private final double[] perFrequencyConstant;
    private final double[] perFrequencyShape;
    private final double[] perFrequencyDropout;
    private final double[] logAlphaPlusAge;
    private final double[] logAlphaPlusLastPurchase;

    /** A likelihood over {@code data}; holds scratch arrays, so one instance per thread. */
    public BgNbdLikelihood(CalibrationData data) {
        this.data = data;
        this.perFrequencyConstant = new double[data.distinctRepeatPurchases.length];
        this.perFrequencyShape = new double[data.distinctRepeatPurchases.length];
        this.perFrequencyDropout = new double[data.distinctRepeatPurchases.length];
        this.logAlphaPlusAge = new double[data.distinctAges.length];
        this.logAlphaPlusLastPurchase = new double[data.distinctLastPurchaseTimes.length];
    }

    /** Log-likelihood of one customer's summary, which must be in the parameters' unit. */
    public static double of(BgNbdParameters p, PurchaseSummary summary) {
        PurchaseSummary s = summary.in(p.unit());
        int x = s.repeatPurchases();
        double shape = p.r() + x;
        double a1 = logGamma(p.r() + x) - logGamma(p.r()) + p.r() * Math.log(p.alpha());
        double a2 = logGamma(p.a() + p.b()) + logGamma(p.b() + x) - logGamma(p.b()) - logGamma(p.a() + p.b() + x);
        double a3 = -shape * Math.log(p.alpha() + s.age());
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(p.a()) - Math.log(p.b() + x - 1) - shape * Math.log(p.alpha() + s.timeOfLastPurchase());
        return a1 + a2 + logSumExp(a3, a4);
    }

    /** Total log-likelihood of the data (each distinct row weighted by its count) at the given parameters. */
    public double total(BgNbdParameters p) {
        if (p.unit() != data.unit()) {
            throw new IllegalArgumentException("parameters in " + p.unit() + ", data in " + data.unit());
        }
        return total(p.r(), p.alpha(), p.a(), p.b());
    }

    /** Total log-likelihood at raw parameter values in the data's unit (the optimiser's objective). */
    double total(double r, double alpha, double a, double b) {
        double common = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
        double logA = Math.log(a);
        int[] xs = data.distinctRepeatPurchases;
        for (int i = 0; i < xs.length; i++) {
            int x = xs[i];
            perFrequencyShape[i] = r + x;
            perFrequencyConstant[i] = common + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
            perFrequencyDropout[i] = x > 0 ? logA - Math.log(b + x - 1) : Double.NaN;
        }
        for (int j = 0; j < logAlphaPlusAge.length; j++) {
            logAlphaPlusAge[j] = Math.log(alpha + data.distinctAges[j]);
        }
        for (int k = 0; k < logAlphaPlusLastPurchase.length; k++) {
            logAlphaPlusLastPurchase[k] = Math.log(alpha + data.distinctLastPurchaseTimes[k]);
        }
        double total = 0;
        for (int row = 0; row < data.rowCount.length; row++) {
            int i = data.rowRepeatPurchases[row];
            double shape = perFrequencyShape[i];
            double a3 = -shape * logAlphaPlusAge[data.rowAge[row]];
            double rowLikelihood;
            if (xs[i] == 0) {
                rowLikelihood = perFrequencyConstant[i] + a3;
            } else {
                double a4 = perFrequencyDropout[i] - shape * logAlphaPlusLastPurchase[data.rowLastPurchaseTime[row]];
                rowLikelihood = perFrequencyConstant[i] + logSumExp(a3, a4);
            }
            total += data.rowCount[row] * rowLikelihood;
        }
        return total;
    }

    private static double logSumExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log1p(Math.exp(-Math.abs(u - v)));
    }
}
