package io.segstream.runtime.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BackgroundScheduleTest {

    @Test
    void aRepeatedTaskRunsAgainAfterThePauseItReturnsAndAfterTheFailurePauseWhenItThrows() throws Exception {
        BackgroundSchedule schedule = new BackgroundSchedule("test-repeat", Duration.ofSeconds(1));
        List<Long> starts = new CopyOnWriteArrayList<>();
        CountDownLatch fourPasses = new CountDownLatch(4);
        schedule.start();
        try {
            schedule.repeat(Duration.ZERO, Duration.ofMillis(50), () -> {
                starts.add(System.nanoTime());
                fourPasses.countDown();
                if (starts.size() == 2) {
                    throw new IllegalStateException("a failing pass");
                }
                // The first pass asks for a long pause, the others for a short one.
                return starts.size() == 1 ? Duration.ofMillis(400) : Duration.ofMillis(10);
            });
            assertThat(fourPasses.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            schedule.stop();
        }
        assertThat(Duration.ofNanos(starts.get(1) - starts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(Duration.ofNanos(starts.get(2) - starts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        int passes = starts.size();
        // A stopped schedule runs nothing more: the passes stay as they were for a while after stop.
        await("no pass after stop").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> starts.size() == passes);
    }
}
