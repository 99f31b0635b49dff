package io.segstream.benchmarks;

import io.segstream.segmentation.domain.ClassAssignment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CelEvaluationBenchmarkTest {
    private final CelEvaluationBenchmark benchmark = new CelEvaluationBenchmark();

    @BeforeAll
    void setUp() {
        benchmark.setUp();
    }

    @Test
    void classifiesOnEveryDefaultDefinition() {
        ClassAssignment[] assignments = benchmark.classifyDefaultCatalogue();
        assertThat(assignments).hasSize(13).doesNotContainNull();
        assertThat(Arrays.stream(assignments).map(ClassAssignment::className))
                .doesNotContain("PROSPECT", "UNSCORED", "UNKNOWN");
    }

    @Test
    void classifiesTheSingleDefinitions() {
        assertThat(benchmark.classifyLifecycle().className()).isIn("ACTIVE", "MATURE", "LOYAL");
        assertThat(benchmark.classifyCustomAudience().className()).isIn("true", "false");
        assertThat(benchmark.classifyConstantAudience().className()).isEqualTo("true");
    }
}
