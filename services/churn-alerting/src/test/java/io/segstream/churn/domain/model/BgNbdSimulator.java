package io.segstream.churn.domain.model;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The BG/NBD generative story, for populations with known parameters: each customer draws a purchase rate
 * lambda ~ Gamma(r, rate alpha) and a dropout probability p ~ Beta(a, b); from her first purchase at time 0 she buys
 * after exponential(lambda) waiting times, and after each repeat purchase she drops out with probability p. Times are
 * continuous, in the parameters' unit. Deterministic for a given seed.
 */
final class BgNbdSimulator {

    private final BgNbdParameters parameters;
    private final RandomGenerator random;
    private final GammaDistribution rates;
    private final BetaDistribution dropouts;

    BgNbdSimulator(BgNbdParameters parameters, long seed) {
        this.parameters = parameters;
        this.random = new Well19937c(seed);
        this.rates = new GammaDistribution(random, parameters.r(), 1 / parameters.alpha());
        this.dropouts = new BetaDistribution(random, parameters.a(), parameters.b());
    }

    /**
     * One customer's life up to {@code horizon}: her repeat purchase times (since the first purchase) and, if she
     * dropped out before the horizon, the time of the purchase after which she did (infinity otherwise).
     */
    record Life(List<Double> repeatPurchaseTimes, double dropoutTime) {

        boolean aliveAt(double time) {
            return dropoutTime > time;
        }

        PurchaseSummary summaryAt(double age, ModelTimeUnit unit) {
            int x = 0;
            double last = 0;
            for (double t : repeatPurchaseTimes) {
                if (t <= age) {
                    x++;
                    last = t;
                }
            }
            return new PurchaseSummary(x, last, age, unit);
        }

        long purchasesBetween(double from, double to) {
            return repeatPurchaseTimes.stream().filter(t -> t > from && t <= to).count();
        }
    }

    Life life(double horizon) {
        double rate = rates.sample();
        double dropout = dropouts.sample();
        List<Double> times = new ArrayList<>();
        double time = 0;
        while (true) {
            time += -Math.log(1 - random.nextDouble()) / rate;
            if (time > horizon) {
                return new Life(times, Double.POSITIVE_INFINITY);
            }
            times.add(time);
            if (random.nextDouble() < dropout) {
                return new Life(times, time);
            }
        }
    }

    /** One customer observed for {@code age}: her summary. */
    PurchaseSummary customer(double age) {
        return life(age).summaryAt(age, parameters.unit());
    }

    /**
     * A cohort like CDNOW's: {@code customers} first purchases spread uniformly over the first {@code entryWindow}
     * units of an observation window of {@code window} units.
     */
    CalibrationData cohort(int customers, double window, double entryWindow) {
        CalibrationData.Builder builder = CalibrationData.builder(parameters.unit());
        for (int i = 0; i < customers; i++) {
            builder.add(customer(window - entryWindow * random.nextDouble()));
        }
        return builder.build();
    }
}
