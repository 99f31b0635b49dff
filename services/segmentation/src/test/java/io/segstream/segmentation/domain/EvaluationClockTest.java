package io.segstream.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationClockTest {
    private static final Instant WALL = Instant.parse("2026-11-20T12:00:00Z");
    private final Clock wall = Clock.fixed(WALL, ZoneOffset.UTC);

    @Test
    void followingEventTimeTheClockIsTheNewestEventTimeSeenAndNeverGoesBack() {
        EvaluationClock replay = new EvaluationClock(wall, true);
        assertThat(replay.now()).isEqualTo(WALL);

        replay.observe(Instant.parse("2011-03-01T10:00:00Z"));
        replay.observe(Instant.parse("2011-01-01T10:00:00Z"));

        assertThat(replay.now()).isEqualTo(Instant.parse("2011-03-01T10:00:00Z"));
    }

    @Test
    void byDefaultTheClockIsTheWallClockWhateverEventsSay() {
        EvaluationClock live = new EvaluationClock(wall, false);
        live.observe(Instant.parse("2011-03-01T10:00:00Z"));

        assertThat(live.now()).isEqualTo(WALL);
        assertThat(live.followsEventTime()).isFalse();
    }
}
