package io.segstream.contracts.erasure;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErasureCutoffTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theErasureDropsWhatOccurredAtOrBeforeItAndNothingAfter() {
        Map<String, Instant> erased = Map.of("C-1", AT);
        assertThat(ErasureCutoff.suppresses(erased, "C-1", AT.minusSeconds(1))).isTrue();
        assertThat(ErasureCutoff.suppresses(erased, "C-1", AT)).isTrue();
        assertThat(ErasureCutoff.suppresses(erased, "C-1", AT.plusSeconds(1))).isFalse();
        assertThat(ErasureCutoff.suppresses(erased, "C-2", AT.minusSeconds(1))).isFalse();
    }

    @Test
    void anEventWithoutAnOccurrenceOfAnErasedCustomerIsDroppedAndOfAnyOtherKept() {
        assertThat(ErasureCutoff.suppresses(AT, null)).isTrue();
        assertThat(ErasureCutoff.suppresses(null, null)).isFalse();
    }
}
