package io.segstream.segmentation.reevaluation;

import io.segstream.segmentation.config.SegmentationProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RfmRefresherTest {
    private static final SegmentationProperties.Rfm QUARTER = new SegmentationProperties.Rfm(true,
            Duration.ofMinutes(5), 0.25);

    @Test
    void aShortRefreshWaitsTheInterval() {
        assertThat(RfmRefresher.pauseAfter(Duration.ofSeconds(3), QUARTER)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aLongRefreshWaitsLongEnoughToKeepToTheBusyShare() {
        // 10 minutes busy at most a quarter of the time: 30 minutes' pause.
        assertThat(RfmRefresher.pauseAfter(Duration.ofMinutes(10), QUARTER)).isEqualTo(Duration.ofMinutes(30));
        assertThat(RfmRefresher.pauseAfter(Duration.ofMinutes(10),
                new SegmentationProperties.Rfm(true, Duration.ofMinutes(5), 1.0))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new SegmentationProperties.Rfm(true, Duration.ofMinutes(5), 0))
                .hasMessageContaining("max-busy-share");
        assertThatThrownBy(() -> new SegmentationProperties.Rfm(true, Duration.ofMinutes(5), 1.5))
                .hasMessageContaining("max-busy-share");
    }
}
