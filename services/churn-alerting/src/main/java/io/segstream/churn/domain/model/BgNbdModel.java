package io.segstream.churn.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The closed-form quantities of a fitted BG/NBD model (Fader, Hardie and Lee 2005). Times passed as {@code double}
 * are in the model's {@link #unit()}; summaries in another unit are converted. Everything that depends only on the
 * parameters is computed once here, so a customer costs a handful of logarithms and a short series.
 * Immutable and thread-safe.
 */
public final class BgNbdModel {

    /**
     * Within this distance of a = 1, eq. 7's factor (a+b-1)/(a-1) and its bracket both tend to 0 and cancel (and near
     * a + b = 1 its 2F1 approaches a pole); the expectation is then computed by {@link #expectedGivenAlive} instead
     * (the eq. 7 route loses about 1e-16 / |a-1| relatively, 1e-10 at this gap).
     */
    static final double A_NEAR_ONE = 1e-6;
    /**
     * Eq. 7 goes through the general {@link GaussHypergeometric} only while r, a and b are at most this: the box over
     * which the tests show the two routes agree (to 1e-10); outside it {@link #expectedGivenAlive} is used, whose
     * series forms are chosen for any parameters.
     */
    static final double EQUATION_7_PARAMETER_LIMIT = 50;
    /**
     * Eq. 7 computes 1 - (alpha/(alpha+t))^r 2F1(...), which cancels when t is short next to alpha; when that bracket
     * is below this, the relative error of the 2F1 (about 1e-13) would be multiplied by more than 100, and
     * {@link #expectedGivenAlive} is used instead.
     */
    static final double EQUATION_7_MIN_BRACKET = 0.01;
    /**
     * The Euler-form series of {@link #expectedGivenAlive} has terms that first grow until n is about a z; once that is
     * more than this many terms, the direct form (whose terms shrink from the start when a is large, and which then
     * cannot cancel near a = 1) is used instead. Keeps a customer's cost bounded for any fitted a.
     */
    static final double EULER_GROWTH_LIMIT = 30;
    /**
     * The Euler form's first Pochhammer argument a+b-1-r is negative when r exceeds a + b - 1; its terms then alternate
     * in sign for the first |a+b-1-r| terms and cancel, losing about log10 of the binomial C(|a+b-1-r|, n/2) digits.
     * Below -{@value} the direct form is used (if a - 1 and c are far enough from 0 for it).
     */
    static final double EULER_NEGATIVE_SHIFT_LIMIT = 5;
    /**
     * The direct form's bracket vanishes like a - 1 and is then divided by it: it is used only when a is at least this
     * far from 1, which costs at most about 1e-16 / 1e-4 = 1e-12 relatively. (Its first term is divided by
     * c = a+b+x-1 and multiplied back: c needs only to be {@value #A_NEAR_ONE} away from 0.)
     */
    static final double DIRECT_FORM_A_GAP = 1e-4;
    /** The direct form's terms are summed in units of this factor to avoid overflow (about e^575). */
    private static final double RESCALE = 1e250;
    private static final double LOG_RESCALE = Math.log(RESCALE);

    private final BgNbdParameters parameters;
    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final double logA;
    private final double aMinusOne;
    /** a + b - 1 - r: first Pochhammer argument of the Euler-transformed series in {@link #expectedGivenAlive}. */
    private final double eulerShift;

    public BgNbdModel(BgNbdParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.r = parameters.r();
        this.alpha = parameters.alpha();
        this.a = parameters.a();
        this.b = parameters.b();
        this.logA = Math.log(a);
        this.aMinusOne = a - 1;
        this.eulerShift = a + b - 1 - r;
    }

    public BgNbdParameters parameters() {
        return parameters;
    }

    public ModelTimeUnit unit() {
        return parameters.unit();
    }

    /**
     * P(alive | x, t_x, T), eq. 13: 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)).
     * 1 for a customer without repeat purchase: in the BG/NBD story a customer can only drop out right after a
     * repeat purchase, so silence after a single purchase is never evidence of death (see {@link ChurnRiskScorer}
     * for what to use instead).
     */
    public double probabilityAlive(PurchaseSummary summary) {
        PurchaseSummary s = summary.in(unit());
        return probabilityAlive(s.repeatPurchases(), s.timeOfLastPurchase(), s.age());
    }

    double probabilityAlive(int x, double timeOfLastPurchase, double age) {
        if (x == 0) {
            return 1;
        }
        // log of the odds of death: ln a - ln(b + x - 1) + (r + x) ln((alpha + T) / (alpha + t_x))
        double logOdds = logA - Math.log(b + x - 1)
                + (r + x) * Math.log1p((age - timeOfLastPurchase) / (alpha + timeOfLastPurchase));
        return 1 / (1 + Math.exp(logOdds));
    }

    /**
     * E[X(t)], eq. 7: expected repeat transactions in the first {@code t} units after a random customer's first
     * purchase: (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))].
     */
    public double expectedTransactions(double t) {
        requireNonNegative(t);
        if (t == 0) {
            return 0;
        }
        double c = a + b - 1;
        if (Math.abs(aMinusOne) < A_NEAR_ONE || Math.abs(c) < A_NEAR_ONE
                || Math.max(r, Math.max(a, b)) > EQUATION_7_PARAMETER_LIMIT) {
            return expectedGivenAlive(0, 0, t);
        }
        double hypergeometric = GaussHypergeometric.value(r, b, c, t / (alpha + t));
        double discount = Math.exp(-r * Math.log1p(t / alpha)); // (alpha / (alpha + t))^r
        double bracket = 1 - discount * hypergeometric;
        if (!(Math.abs(bracket) >= EQUATION_7_MIN_BRACKET) || Double.isInfinite(bracket)) {
            return expectedGivenAlive(0, 0, t);
        }
        return c / aMinusOne * bracket;
    }

    /** E[X(t)] for a period given as a duration. */
    public double expectedTransactions(Duration period) {
        return expectedTransactions(unit().of(period));
    }

    /**
     * E[Y(t) | x, t_x, T], eq. 10: the expected number of transactions of this customer in the next {@code period}.
     */
    public double conditionalExpectedTransactions(Duration period, PurchaseSummary summary) {
        return conditionalExpectedTransactions(unit().of(period), summary);
    }

    /** E[Y(t) | x, t_x, T] with t in the model's unit. */
    public double conditionalExpectedTransactions(double t, PurchaseSummary summary) {
        requireNonNegative(t);
        PurchaseSummary s = summary.in(unit());
        return probabilityAlive(s.repeatPurchases(), s.timeOfLastPurchase(), s.age())
                * expectedGivenAlive(s.repeatPurchases(), s.age(), t);
    }

    /**
     * P(at least one purchase in the next {@code period} | x, t_x, T) = P(alive) (1 - ((alpha+T)/(alpha+T+t))^(r+x)):
     * given alive, lambda's posterior is Gamma(r + x, alpha + T) and no purchase in t has probability e^(-lambda t);
     * a dead customer never buys, and a customer cannot die without buying first.
     */
    public double probabilityOfPurchaseWithin(Duration period, PurchaseSummary summary) {
        PurchaseSummary s = summary.in(unit());
        double t = unit().of(period);
        requireNonNegative(t);
        return probabilityAlive(s.repeatPurchases(), s.timeOfLastPurchase(), s.age())
                * purchaseGivenAlive(s.repeatPurchases(), s.age(), t);
    }

    /** P(a purchase within t | alive, x, T) = 1 - ((alpha + T) / (alpha + T + t))^(r + x). */
    double purchaseGivenAlive(int x, double age, double t) {
        return -Math.expm1(-(r + x) * Math.log1p(t / (alpha + age)));
    }

    /**
     * E[Y(t) | alive, x, T]: eq. 10 without its P(alive) factor, i.e.
     * c/(a-1) [1 - (1-z)^(r+x) 2F1(r+x, b+x; c; z)] with c = a+b+x-1 and z = t / (alpha + T + t). Two series for
     * the same value, chosen by cost and conditioning:
     * <ul>
     *   <li>Euler form: Euler's transformation turns (1-z)^(r+x) 2F1(r+x, b+x; c; z) into
     *       (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z), and (a-1)_n = (a-1) (a)_(n-1) takes the factor a - 1 out of every
     *       term, c (c+1)_(n-1) = (c)_n takes out c:
     *       <pre>
     *   E = c (1 - (1-z)^(a-1)) / (a-1)  -  (1-z)^(a-1) G,   G = sum_{n>=1} (a+b-1-r)_n (a)_(n-1) / ((c+1)_(n-1) n!) z^n
     *       </pre>
     *       No division by a - 1 or by c (both may vanish: a = 1, or x = 0 and a + b = 1), and terms that fall like
     *       n^(a-r-x-2) z^n, so large x makes the series shorter (the untransformed series grows like n^(r+x-a) z^n
     *       first). Used unless its terms would grow for more than {@value #EULER_GROWTH_LIMIT} terms (a z large) or
     *       alternate and cancel (r more than {@value #EULER_NEGATIVE_SHIFT_LIMIT} above a + b - 1).</li>
     *   <li>Direct form: the untransformed series written as
     *       c/(a-1) [ (1 - (1-z)^(r+x)) - (1-z)^(r+x) sum_{n>=1} (r+x)_n (b+x)_n / ((c)_n n!) z^n ], whose terms
     *       after the first all have one sign and are summed in logarithmic scale (no overflow for large x); it needs
     *       a away from 1 ({@value #DIRECT_FORM_A_GAP}) and c away from 0.</li>
     * </ul>
     * When neither fits (r far above a + b - 1 while a is within {@value #DIRECT_FORM_A_GAP} of 1, or c is within
     * {@value #A_NEAR_ONE} of 0), the Euler form is used and may lose a few digits.
     */
    double expectedGivenAlive(int x, double age, double t) {
        if (t == 0) {
            return 0;
        }
        double logOneMinusZ = -Math.log1p(t / (alpha + age));
        double z = t / (alpha + age + t);
        boolean eulerFits = a * z <= EULER_GROWTH_LIMIT && eulerShift >= -EULER_NEGATIVE_SHIFT_LIMIT;
        boolean directFits = Math.abs(aMinusOne) >= DIRECT_FORM_A_GAP && Math.abs(a + b + x - 1) >= A_NEAR_ONE;
        return eulerFits || !directFits ? eulerForm(x, z, logOneMinusZ) : directForm(x, z, logOneMinusZ);
    }

    double eulerForm(int x, double z, double logOneMinusZ) {
        double c = a + b + x - 1;
        double firstPart = aMinusOne == 0 ? -logOneMinusZ : -Math.expm1(aMinusOne * logOneMinusZ) / aMinusOne;
        double term = eulerShift * z;
        double sum = term;
        for (int n = 1; n < GaussHypergeometric.MAX_TERMS; n++) {
            if (term == 0) {
                return c * firstPart - Math.exp(aMinusOne * logOneMinusZ) * sum;
            }
            double ratio = (eulerShift + n) * (a + n - 1) / ((c + n) * (n + 1)) * z;
            if (GaussHypergeometric.tailIsNegligible(term, ratio, z, sum)) {
                return c * firstPart - Math.exp(aMinusOne * logOneMinusZ) * sum;
            }
            term *= ratio;
            sum += term;
        }
        throw new ArithmeticException("expectation series did not converge at z = " + z);
    }

    double directForm(int x, double z, double logOneMinusZ) {
        double c = a + b + x - 1;
        double shape = r + x;
        double dropoutShape = b + x;
        // terms n >= 1 share the sign of c (c > -1, so c + n > 0 from n = 1 on): sum their magnitudes
        double first = shape * dropoutShape / c * z;
        double sign = Math.signum(first);
        double term = Math.abs(first);
        double sum = term;
        double logScale = 0;
        for (int n = 1; n < GaussHypergeometric.MAX_TERMS; n++) {
            double ratio = (shape + n) * (dropoutShape + n) / ((c + n) * (n + 1)) * z;
            if (GaussHypergeometric.tailIsNegligible(term, ratio, z, sum)) {
                double tail = sign * Math.exp(shape * logOneMinusZ + logScale + Math.log(sum));
                return c / aMinusOne * (-Math.expm1(shape * logOneMinusZ) - tail);
            }
            term *= ratio;
            sum += term;
            if (sum > RESCALE) {
                sum /= RESCALE;
                term /= RESCALE;
                logScale += LOG_RESCALE;
            }
        }
        throw new ArithmeticException("expectation series did not converge at z = " + z);
    }

    private static void requireNonNegative(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("period must be finite and >= 0, was " + t);
        }
    }
}
