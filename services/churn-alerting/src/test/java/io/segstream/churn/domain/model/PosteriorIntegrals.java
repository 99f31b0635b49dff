package io.segstream.churn.domain.model;

import static io.segstream.churn.domain.model.TanhSinhQuadrature.integrateToInfinity;
import static io.segstream.churn.domain.model.TanhSinhQuadrature.integrateUnit;

/**
 * The model's quantities computed the long way, by quadrature over the customer's unobserved purchase rate lambda and
 * dropout probability p, straight from the generative story (no gamma, beta or hypergeometric function involved):
 * <ul>
 *   <li>prior: lambda ~ Gamma(r, alpha), density proportional to lambda^(r-1) e^(-alpha lambda); p ~ Beta(a, b),
 *       proportional to p^(a-1) (1-p)^(b-1); normalising constants are integrated too;</li>
 *   <li>given (lambda, p), the history (x, t_x, T) has likelihood (1-p)^x lambda^x e^(-lambda T) (alive at T) plus,
 *       when x > 0, p (1-p)^(x-1) lambda^x e^(-lambda t_x) (dropped out right after the last purchase);</li>
 *   <li>given (lambda, p) and alive, the expected number of purchases in the next t is (1 - e^(-lambda p t)) / p
 *       (the number of purchases before dropout is geometric with mean 1/p, thinned by the time window), and no
 *       purchase in t has probability e^(-lambda t).</li>
 * </ul>
 */
final class PosteriorIntegrals {

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;

    /** ln of the beta kernel at its mode (0 if it has none inside): divided out so large a, b do not underflow. */
    private final double dropoutScale;

    PosteriorIntegrals(BgNbdParameters p) {
        this.r = p.r();
        this.alpha = p.alpha();
        this.a = p.a();
        this.b = p.b();
        double mode = (a - 1) / (a + b - 2);
        this.dropoutScale = a > 1 && b > 1 ? (a - 1) * Math.log(mode) + (b - 1) * Math.log1p(-mode) : 0;
    }

    /** p^(a-1+i) (1-p)^(b-1+j), scaled by the same constant everywhere (it cancels in every ratio below). */
    private double dropoutKernel(double p, double q, double i, double j) {
        return Math.exp((a - 1 + i) * Math.log(p) + (b - 1 + j) * Math.log(q) - dropoutScale);
    }

    /** Integral of p^(a-1+i) (1-p)^(b-1+j) over (0, 1). */
    private double dropoutMoment(int i, int j) {
        return integrateUnit((p, q) -> dropoutKernel(p, q, i, j));
    }

    /** Integral of lambda^(r-1+x) e^(-(alpha + time) lambda) over (0, infinity). */
    private double rateMoment(int x, double time) {
        return integrateToInfinity(l -> rateDensity(l, x, time));
    }

    /** lambda^(r-1+x) e^(-(alpha + time) lambda), in logarithms so that huge lambda gives 0, not infinity times 0. */
    private double rateDensity(double lambda, int x, double time) {
        return Math.exp((r - 1 + x) * Math.log(lambda) - (alpha + time) * lambda);
    }

    private double aliveWeight(int x, double age) {
        return dropoutMoment(0, x) * rateMoment(x, age);
    }

    private double deadWeight(int x, double last) {
        return x == 0 ? 0 : dropoutMoment(1, x - 1) * rateMoment(x, last);
    }

    double likelihood(int x, double last, double age) {
        return (aliveWeight(x, age) + deadWeight(x, last)) / (dropoutMoment(0, 0) * rateMoment(0, 0));
    }

    double probabilityAlive(int x, double last, double age) {
        double alive = aliveWeight(x, age);
        return alive / (alive + deadWeight(x, last));
    }

    double probabilityOfPurchaseWithin(double t, int x, double last, double age) {
        double noPurchaseAlive = dropoutMoment(0, x) * rateMoment(x, age + t);
        return (aliveWeight(x, age) - noPurchaseAlive) / (aliveWeight(x, age) + deadWeight(x, last));
    }

    /** E[X(t)]: the alive-at-0 expectation over the prior. */
    double expectedTransactions(double t) {
        return expectedAliveWeighted(0, 0, t) / (dropoutMoment(0, 0) * rateMoment(0, 0));
    }

    /** E[Y(t) | x, t_x, T]: the alive-weighted expectation over the posterior. */
    double conditionalExpectedTransactions(double t, int x, double last, double age) {
        return expectedAliveWeighted(x, age, t) / (aliveWeight(x, age) + deadWeight(x, last));
    }

    /** Integral of prior x (1-p)^x lambda^x e^(-lambda T) x (1 - e^(-lambda p t)) / p: a nested 2-D quadrature. */
    private double expectedAliveWeighted(int x, double age, double t) {
        return integrateUnit((p, q) -> dropoutKernel(p, q, 0, x)
                * integrateToInfinity(l -> rateDensity(l, x, age) * (-Math.expm1(-l * p * t) / p)));
    }
}
