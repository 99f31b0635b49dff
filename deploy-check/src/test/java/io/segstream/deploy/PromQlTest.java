package io.segstream.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

    @Test
    void findsTheMetricsOfAnExpressionAndNothingElse() {
        String expression = "sum by (application, code) (rate(segstream_dead_letters_total{topic=~\"$topic\","
                + " code!=\"x_y\"}[$__rate_interval])) / on (application) group_left sum(up{job=\"segstream\"})"
                + " > 0.95 * 8 * 86400";

        assertThat(PromQl.metricNames(expression)).containsExactly("segstream_dead_letters_total", "up");
    }

    @Test
    void readsSubqueriesHistogramsAndOffsets() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le) (rate(a_seconds_bucket[5m])))"))
                .containsExactly("a_seconds_bucket");
        assertThat(PromQl.metricNames("avg_over_time(sum(increase(b_total[1h]))[1d:1h]) and c offset 1h"))
                .containsExactly("b_total", "c");
        assertThat(PromQl.metricNames("max without (pod) (d) unless bool e")).containsExactly("d", "e");
    }

    @Test
    void aRenamedMetricShowsUpAsUnknown() {
        assertThat(MetricCatalogue.known()).doesNotContainAnyElementsOf(
                PromQl.metricNames("rate(segstream_dead_letter_total[5m])"));
    }
}
