package io.segstream.benchmarks;

import io.segstream.churn.domain.model.BgNbdModel;
import io.segstream.churn.domain.model.ChurnRiskScore;
import io.segstream.churn.domain.model.ChurnRiskScorer;
import io.segstream.churn.domain.model.ModelTimeUnit;
import io.segstream.churn.domain.model.PurchaseSummary;
import io.segstream.churn.domain.model.ScoringSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Churn figures of one customer with a fitted BG/NBD model (CDNOW's parameters, weekly): P(alive), the full
 * {@link ChurnRiskScore} (P(alive), expected purchases over 30 and 90 days, risk), the same starting from the
 * customer's purchase days (what churn-alerting does per assessment), and the time until the risk reaches 0.95 (the
 * sweep's next check time: a bisection over many risk evaluations). Customers are cycled through 1,024 drawn from
 * the model, so the cost is a population average.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChurnScoringBenchmark {
    static final int CUSTOMERS = 1024;
    /** The model risk at which a customer is alerted (churn-alerting's high-model-risk). */
    static final double RISK_THRESHOLD = 0.95;

    BgNbdModel model;
    ChurnRiskScorer scorer;
    PurchaseSummary[] summaries;
    List<List<LocalDate>> purchaseDays;
    int next;

    @Setup
    public void setUp() {
        model = new BgNbdModel(ChurnData.CDNOW);
        scorer = new ChurnRiskScorer(model, ScoringSettings.defaults());
        purchaseDays = new ArrayList<>(ChurnData.purchaseDays(CUSTOMERS, 2005));
        summaries = purchaseDays.stream()
                .map(days -> PurchaseSummary.fromPurchaseDays(days, ChurnData.AS_OF_DAY, ModelTimeUnit.WEEKS)
                        .orElseThrow())
                .toArray(PurchaseSummary[]::new);
    }

    private int nextCustomer() {
        int customer = next;
        next = (next + 1) & (CUSTOMERS - 1);
        return customer;
    }

    @Benchmark
    public double probabilityAlive() {
        return model.probabilityAlive(summaries[nextCustomer()]);
    }

    @Benchmark
    public ChurnRiskScore score() {
        return scorer.score(summaries[nextCustomer()]);
    }

    /** Summary from the kept purchase days (a TreeSet of dates) and then the score. */
    @Benchmark
    public ChurnRiskScore summariseAndScore() {
        PurchaseSummary summary = PurchaseSummary.fromPurchaseDays(purchaseDays.get(nextCustomer()),
                ChurnData.AS_OF_DAY, ModelTimeUnit.WEEKS).orElseThrow();
        return scorer.score(summary);
    }

    @Benchmark
    public Optional<Duration> timeUntilRiskReaches() {
        return scorer.timeUntilRiskReaches(summaries[nextCustomer()], RISK_THRESHOLD);
    }
}
