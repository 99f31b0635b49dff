package io.segstream.benchmarks;

import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.RfmPopulation;
import io.segstream.segmentation.domain.RfmScore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * RFM quintile scores ({@link RfmPopulation}): scoring one customer against a population (done for every applied
 * event and every re-evaluated profile), and building the population from every customer's figures (the periodic
 * refresh, after the figures have been computed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class RfmScoringBenchmark {
    /** Customers who bought, in the population. */
    @Param("100000")
    public int populationSize;

    List<ProfileFigures> everyone;
    RfmPopulation population;
    ProfileFigures[] customers;
    int next;

    @Setup
    public void setUp() {
        everyone = Fixtures.populationFigures(populationSize, 7);
        population = Fixtures.population(populationSize, 7);
        // Customers to score, cycled through so that every score is not the same binary-search path.
        customers = Fixtures.populationFigures(1024, 99).toArray(ProfileFigures[]::new);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public RfmScore scoreOneCustomer() {
        ProfileFigures customer = customers[next];
        next = (next + 1) & (customers.length - 1);
        return population.score(customer);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RfmPopulation buildPopulation() {
        RfmPopulation.Builder builder = new RfmPopulation.Builder();
        for (ProfileFigures figures : everyone) {
            builder.add(figures);
        }
        return builder.build();
    }
}
