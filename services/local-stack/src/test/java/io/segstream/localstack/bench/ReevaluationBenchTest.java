package io.segstream.localstack.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReevaluationBenchTest {

    @Test
    void aRunSmallerThanTheTargetSaysSoWithTheTargetsSize() {
        assertThat(ReevaluationBench.notTheTarget("; ", "")).isEqualTo("; not the 1,000,000 of the target");
        assertThat(ReevaluationBench.notTheTarget(" (", ")")).isEqualTo(" (not the 1,000,000 of the target)");
    }
}
