package io.segstream.benchmarks;

import io.segstream.churn.domain.model.FittedModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChurnFitBenchmarkTest {

    @Test
    void fitsTheSimulatedPopulation() {
        ChurnFitBenchmark benchmark = new ChurnFitBenchmark();
        benchmark.customers = 1000;
        benchmark.setUp();

        FittedModel fitted = benchmark.fit();

        assertThat(fitted.customers()).isEqualTo(1000);
        assertThat(fitted.logLikelihood()).isNegative().isFinite();
        // Drawn from CDNOW's estimates: the fit lands in their neighbourhood (r = 0.243, a / (a + b) = 0.25).
        assertThat(fitted.parameters().r()).isBetween(0.1, 0.6);
        assertThat(fitted.parameters().meanDropoutProbability()).isBetween(0.05, 0.6);
    }
}
