package io.segstream.churn.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * The likelihood against the generative story integrated numerically, and the aggregated total against the sum of
 * individual terms. (jqwik runs the methods of this class; each is a property or an example.)
 */
class BgNbdLikelihoodTest {

    private static final List<BgNbdParameters> POPULATIONS = List.of(BgNbdModelTest.PAPER,
            new BgNbdParameters(1.6, 12.0, 2.7, 0.6, ModelTimeUnit.WEEKS),
            new BgNbdParameters(0.55, 30.0, 0.35, 4.0, ModelTimeUnit.DAYS));

    @net.jqwik.api.Example
    void individualLikelihoodIsThePriorIntegralOfTheHistoryLikelihood() {
        double[][] histories = {{0, 0, 20}, {1, 3, 30}, {2, 30.43, 38.86}, {6, 35, 36}, {12, 50, 80}};
        for (BgNbdParameters p : POPULATIONS) {
            PosteriorIntegrals truth = new PosteriorIntegrals(p);
            for (double[] h : histories) {
                PurchaseSummary s = new PurchaseSummary((int) h[0], h[1], h[2], p.unit());
                double expected = Math.log(truth.likelihood(s.repeatPurchases(), s.timeOfLastPurchase(), s.age()));
                assertThat(BgNbdLikelihood.of(p, s)).as("%s %s", p, s).isCloseTo(expected, within(1e-9));
            }
        }
    }

    @net.jqwik.api.Example
    void staysFiniteForLargeCounts() {
        BgNbdParameters p = BgNbdModelTest.PAPER.in(ModelTimeUnit.DAYS);
        double value = BgNbdLikelihood.of(p, new PurchaseSummary(20_000, 36_000, 36_500, ModelTimeUnit.DAYS));
        assertThat(value).isFinite().isNegative();
        CalibrationData data = CalibrationData.builder(ModelTimeUnit.DAYS)
                .add(new PurchaseSummary(20_000, 36_000, 36_500, ModelTimeUnit.DAYS), 1_000_000).build();
        assertThat(new BgNbdLikelihood(data).total(p)).isCloseTo(1_000_000 * value, within(1e-6 * Math.abs(value)));
    }

    @net.jqwik.api.Example
    void refusesParametersInAnotherUnit() {
        CalibrationData data = CalibrationData.builder(ModelTimeUnit.DAYS)
                .add(new PurchaseSummary(1, 3, 9, ModelTimeUnit.DAYS)).build();
        assertThatThrownBy(() -> new BgNbdLikelihood(data).total(BgNbdModelTest.PAPER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Aggregating identical rows changes nothing: the total is the sum of the customers' terms. */
    @Property(tries = 200)
    void aggregatedTotalIsTheSumOfIndividualTerms(@ForAll("populations") List<PurchaseSummary> customers,
                                                  @ForAll @DoubleRange(min = 0.05, max = 5) double r,
                                                  @ForAll @DoubleRange(min = 0.5, max = 50) double alpha,
                                                  @ForAll @DoubleRange(min = 0.05, max = 5) double a,
                                                  @ForAll @DoubleRange(min = 0.05, max = 10) double b) {
        BgNbdParameters p = new BgNbdParameters(r, alpha, a, b, ModelTimeUnit.WEEKS);
        CalibrationData data = CalibrationData.builder(ModelTimeUnit.WEEKS).addAll(customers).build();
        double sum = 0;
        double magnitude = 1; // terms of both signs (densities can exceed 1) may sum to about 0
        for (PurchaseSummary s : customers) {
            double term = BgNbdLikelihood.of(p, s);
            sum += term;
            magnitude += Math.abs(term);
        }
        assertThat(data.customers()).isEqualTo(customers.size());
        assertThat(data.distinctSummaries()).isLessThanOrEqualTo(customers.size());
        assertThat(new BgNbdLikelihood(data).total(p)).isCloseTo(sum, within(1e-12 * magnitude));
    }

    /** Populations with many duplicate rows: day-granular times over a short window. */
    @Provide
    Arbitrary<List<PurchaseSummary>> populations() {
        Arbitrary<PurchaseSummary> customer = Combinators.combine(
                Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 40)).as((x, d1, d2) -> {
                    int age = Math.max(d1, d2);
                    int last = x == 0 ? 0 : Math.min(d1, d2);
                    return new PurchaseSummary(x, last / 7.0, age / 7.0, ModelTimeUnit.WEEKS);
                });
        return customer.list().ofMinSize(1).ofMaxSize(300).map(ArrayList::new);
    }
}
