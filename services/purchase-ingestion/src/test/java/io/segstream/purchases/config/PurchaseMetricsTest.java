package io.segstream.purchases.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.segstream.contracts.Channel;
import io.segstream.purchases.domain.IntakePath;
import io.segstream.purchases.domain.IntakeResult;
import io.segstream.purchases.domain.IntakeStatus;
import io.segstream.purchases.domain.Rejection;
import io.segstream.purchases.domain.RejectionCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PurchaseMetricsTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PurchaseMetrics metrics = new PurchaseMetrics(meters);

    @Test
    void countsOutcomesByChannelPathAndCodeAndTimesEachCall() {
        metrics.observed(IntakePath.KAFKA, List.of(
                new IntakeResult("e1", IntakeStatus.ACCEPTED, true, null, Channel.STORE),
                new IntakeResult("e2", IntakeStatus.ACCEPTED, false, null, Channel.STORE),
                new IntakeResult("e3", IntakeStatus.DUPLICATE, false, null, Channel.ONLINE),
                new IntakeResult("e4", IntakeStatus.REJECTED, false,
                        new Rejection(RejectionCode.TOTAL_MISMATCH, "m"), Channel.ONLINE),
                new IntakeResult(null, IntakeStatus.REJECTED, false,
                        new Rejection(RejectionCode.MALFORMED_JSON, "m"), null)), Duration.ofMillis(12));

        assertThat(meters.get("segstream.purchases.accepted").tags("channel", "STORE", "path", "kafka").counter()
                .count()).isEqualTo(2.0);
        assertThat(meters.get("segstream.purchases.duplicates").tags("channel", "ONLINE", "path", "kafka").counter()
                .count()).isEqualTo(1.0);
        assertThat(meters.get("segstream.purchases.rejected")
                .tags("code", "TOTAL_MISMATCH", "channel", "ONLINE", "path", "kafka").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("segstream.purchases.rejected")
                .tags("code", "MALFORMED_JSON", "channel", "unknown", "path", "kafka").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("segstream.purchases.processing").tags("path", "kafka").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(12.0);
    }
}
