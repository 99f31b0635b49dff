package io.segstream.localstack.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {
    private static final String SCRAPE = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="Eden Space"} 1.5E7
            jvm_memory_used_bytes{area="heap",id="Tenured Gen"} 2.5E7
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
            jvm_memory_used_bytes_other{area="heap"} 7
            segstream_segmentation_events_applied_total 1234.0
            """;

    @Test
    void sumsTheSamplesWithTheLabel() {
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes", "area=\"heap\"")).hasValue(4.0E7);
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes", "")).hasValue(1.3E8);
    }

    @Test
    void readsAMetricWithoutLabels() {
        assertThat(PrometheusText.sum(SCRAPE, "segstream_segmentation_events_applied_total", "")).hasValue(1234.0);
    }

    @Test
    void anAbsentMetricIsEmptyNotZero() {
        assertThat(PrometheusText.sum(SCRAPE, "segstream_purchases_accepted_total", "")).isEmpty();
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used", "")).as("a prefix is not the metric").isEmpty();
    }
}
