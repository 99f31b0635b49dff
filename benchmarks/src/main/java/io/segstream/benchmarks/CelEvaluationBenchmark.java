package io.segstream.benchmarks;

import io.segstream.segmentation.domain.ClassAssignment;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.SegmentDefinition;
import io.segstream.segmentation.expressions.CelDefinitionCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Classifying one customer with compiled CEL definitions ({@link CelDefinitionCompiler}): the default catalogue's
 * thirteen definitions, its most involved dimension (lifecycle: eight classes, one reading another dimension), a
 * representative analyst-written audience, and an audience that is just {@code true} (the fixed cost of one
 * classification: building the profile variables and the reason, whatever the expression).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CelEvaluationBenchmark {
    /** A custom audience as an analyst would write it: several fields, a map lookup, list membership, segments. */
    static final String CUSTOM_AUDIENCE = "profile.monetary365d >= 1000.0 && profile.purchases90d >= 2"
            + " && 'ONLINE' in profile.channelShares && profile.categoryShares['toys/educational'] >= 0.1"
            + " && segments['lifecycle'] in ['LOYAL', 'MATURE', 'ACTIVE'] && !(profile.topRegion in ['CN-BJ'])";

    List<Dimension> definitions;
    Dimension lifecycle;
    Dimension customAudience;
    Dimension constantAudience;
    ProfileFigures figures;
    Map<String, String> segments;
    ClassAssignment[] assignments;

    @Setup
    public void setUp() {
        ProfilePolicy policy = Fixtures.policy();
        DefinitionCatalogue catalogue = Fixtures.catalogue(Fixtures.defaultPopulation());
        CustomerProfile profile = Fixtures.profile("C-000042", 60, 42, policy, catalogue);
        definitions = catalogue.dimensions();
        lifecycle = definitions.stream().filter(d -> d.key().equals("lifecycle")).findFirst().orElseThrow();
        CelDefinitionCompiler compiler = Fixtures.compiler();
        customAudience = compiler.compile(SegmentDefinition.audience("toy-buyers-online", "custom", CUSTOM_AUDIENCE));
        constantAudience = compiler.compile(SegmentDefinition.audience("everyone", "constant", "true"));
        figures = catalogue.enrich(profile.figures(Fixtures.AS_OF, policy));
        segments = Collections.unmodifiableMap(profile.segmentsView());
        assignments = new ClassAssignment[definitions.size()];
    }

    /** All thirteen definitions of the default catalogue, in evaluation order (what every event costs in CEL). */
    @Benchmark
    public ClassAssignment[] classifyDefaultCatalogue() {
        for (int i = 0; i < definitions.size(); i++) {
            assignments[i] = definitions.get(i).classify(figures, segments);
        }
        return assignments;
    }

    @Benchmark
    public ClassAssignment classifyLifecycle() {
        return lifecycle.classify(figures, segments);
    }

    @Benchmark
    public ClassAssignment classifyCustomAudience() {
        return customAudience.classify(figures, segments);
    }

    /** The expression "true": what one classification costs before any real expression is evaluated. */
    @Benchmark
    public ClassAssignment classifyConstantAudience() {
        return constantAudience.classify(figures, segments);
    }
}
