package io.segstream.benchmarks;

import io.segstream.churn.domain.model.ChurnRiskScore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChurnScoringBenchmarkTest {

    @Test
    void scoresEveryCustomerOfThePopulation() {
        ChurnScoringBenchmark benchmark = new ChurnScoringBenchmark();
        benchmark.setUp();

        int repeatBuyers = 0;
        for (int i = 0; i < ChurnScoringBenchmark.CUSTOMERS; i++) {
            assertThat(benchmark.probabilityAlive()).isBetween(0.0, 1.0);
            ChurnRiskScore score = benchmark.score();
            assertThat(score.risk()).isBetween(0.0, 1.0);
            assertThat(score.expectedPurchasesLongHorizon()).isGreaterThanOrEqualTo(score.expectedPurchasesShortHorizon());
            repeatBuyers += score.repeatBuyer() ? 1 : 0;
            assertThat(benchmark.summariseAndScore()).isNotNull();
            assertThat(benchmark.timeUntilRiskReaches()).isNotNull();
        }
        // CDNOW: about 40% of a cohort buys again within 78 weeks.
        assertThat(repeatBuyers).isBetween(200, 700);
    }
}
