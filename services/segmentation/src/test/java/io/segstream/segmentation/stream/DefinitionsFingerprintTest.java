package io.segstream.segmentation.stream;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionsFingerprintTest {
    private final DefinitionsFingerprint shared = new DefinitionsFingerprint(Duration.ofMillis(100));
    private final AtomicLong reads = new AtomicLong();

    private long read() {
        return reads.incrementAndGet();
    }

    @Test
    void theTasksOfOneRoundShareOneRead() {
        long first = shared.at(1_000, this::read);
        long second = shared.at(1_001, this::read);
        long third = shared.at(1_049, this::read);

        assertThat(first).isEqualTo(second).isEqualTo(third).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void theNextRoundReadsAgain() {
        shared.at(1_000, this::read);
        assertThat(shared.at(1_100, this::read)).isEqualTo(2);
        // A clock that went back (a test driver, a corrected wall clock) reads again too.
        assertThat(shared.at(900, this::read)).isEqualTo(3);
    }
}
