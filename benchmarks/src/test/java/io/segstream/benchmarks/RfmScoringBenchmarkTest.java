package io.segstream.benchmarks;

import io.segstream.segmentation.domain.RfmScore;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RfmScoringBenchmarkTest {

    @Test
    void scoresAgainstAndRebuildsTheWholePopulation() {
        RfmScoringBenchmark benchmark = new RfmScoringBenchmark();
        benchmark.populationSize = 100_000;
        benchmark.setUp();

        Set<Integer> recencyScores = new HashSet<>();
        for (int i = 0; i < 1024; i++) {
            RfmScore score = benchmark.scoreOneCustomer();
            recencyScores.add(score.r());
        }
        assertThat(recencyScores).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(benchmark.population.size()).isEqualTo(100_000);
        assertThat(benchmark.buildPopulation().size()).isEqualTo(100_000);
    }
}
