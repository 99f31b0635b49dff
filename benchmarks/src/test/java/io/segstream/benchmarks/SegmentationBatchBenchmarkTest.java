package io.segstream.benchmarks;

import io.segstream.segmentation.domain.BatchResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch benchmark, over fewer customers and a smaller batch than under JMH (a fast set-up). */
class SegmentationBatchBenchmarkTest {

    @Test
    void appliesEveryPurchaseOfTheBatchAgainEachTime() {
        SegmentationBatchBenchmark benchmark = new SegmentationBatchBenchmark();
        benchmark.customers = 3;
        benchmark.batchSize = 30;
        benchmark.setUp();

        BatchResult first = benchmark.applyBatchOf500();
        BatchResult second = benchmark.applyBatchOf500();

        assertThat(first.applied()).isEqualTo(30);
        assertThat(first.duplicates()).isZero();
        assertThat(second.applied()).isEqualTo(30);
        assertThat(benchmark.store.saved).isEqualTo(6);
        assertThat(benchmark.publisher.published).isPositive();
    }
}
