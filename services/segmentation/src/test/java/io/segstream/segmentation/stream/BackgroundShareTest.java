package io.segstream.segmentation.stream;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundShareTest {
    private static final Duration INTERVAL = Duration.ofMillis(100);

    @Test
    void withNoRecordArrivingBackgroundWorkTakesTheWholeThread() {
        BackgroundShare share = new BackgroundShare(0.5, INTERVAL);
        for (long now = 0; now < 1_000; now += 100) {
            assertThat(share.mayWork(now)).isTrue();
            share.worked(now, 100);
        }
    }

    @Test
    void whileRecordsArriveBackgroundWorkTakesAtMostItsShare() {
        BackgroundShare share = new BackgroundShare(0.5, INTERVAL);
        share.mayWork(0);
        long worked = 0;
        // Rounds every 10 ms of a slice that takes 20 ms, records arriving throughout, for 10 s.
        for (long now = 0; now < 10_000; now += 10) {
            share.recordArrived(now);
            if (share.mayWork(now)) {
                share.worked(now, 20);
                worked += 20;
            }
        }
        assertThat(worked).as("background time in 10 s").isBetween(4_800L, 5_200L);
    }

    @Test
    void workDoneWhileIdleIsNotPaidBackWhenRecordsArrive() {
        BackgroundShare share = new BackgroundShare(0.5, INTERVAL);
        share.mayWork(0);
        share.worked(0, 60_000);
        share.recordArrived(1);

        assertThat(share.mayWork(10)).isTrue();
    }

    @Test
    void aShareOfOneIsNoBound() {
        BackgroundShare share = new BackgroundShare(1.0, INTERVAL);
        for (long now = 0; now < 1_000; now += 10) {
            share.recordArrived(now);
            assertThat(share.mayWork(now)).isTrue();
            share.worked(now, 50);
        }
    }

    @Test
    void refusesANonPositiveShare() {
        assertThatThrownBy(() -> new BackgroundShare(0, INTERVAL)).isInstanceOf(IllegalArgumentException.class);
    }
}
