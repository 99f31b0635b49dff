package io.segstream.benchmarks;

import io.segstream.churn.domain.model.BgNbdFitter;
import io.segstream.churn.domain.model.CalibrationData;
import io.segstream.churn.domain.model.FitSettings;
import io.segstream.churn.domain.model.FittedModel;
import io.segstream.churn.domain.model.ModelTimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One maximum-likelihood fit of the BG/NBD model ({@link BgNbdFitter}, default settings: three Nelder-Mead starts and
 * restarts) over the summaries of 10,000 customers drawn from the CDNOW estimates: the daily refit of churn-alerting.
 * Single shot: a fit is long enough to time alone, and each iteration is one fit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChurnFitBenchmark {
    @Param("10000")
    public int customers;

    BgNbdFitter fitter;
    CalibrationData data;

    @Setup
    public void setUp() {
        fitter = new BgNbdFitter(FitSettings.defaults());
        data = CalibrationData.builder(ModelTimeUnit.WEEKS).addAll(ChurnData.summaries(customers, 2005)).build();
    }

    @Benchmark
    public FittedModel fit() {
        return fitter.fit(data, Instant.parse("2026-11-20T00:00:00Z"));
    }
}
