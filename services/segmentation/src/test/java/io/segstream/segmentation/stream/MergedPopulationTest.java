package io.segstream.segmentation.stream;

import io.segstream.segmentation.domain.MonetaryBuckets;
import io.segstream.segmentation.domain.PopulationSnapshot;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class MergedPopulationTest {
    private final MergedPopulation shared = new MergedPopulation();
    private final AtomicInteger merges = new AtomicInteger();
    private final Supplier<PopulationSnapshot> merge = () -> {
        merges.incrementAndGet();
        return PopulationSnapshot.empty(ZoneOffset.UTC, new MonetaryBuckets(0.001));
    };

    @Test
    void tasksReadingTheSameSummariesShareOneMerge() {
        PopulationSnapshot first = shared.of(parts(new byte[] {1, 2}, new byte[] {3}), merge);
        // Another task reads the same global store: equal bytes in arrays of its own.
        PopulationSnapshot second = shared.of(parts(new byte[] {1, 2}, new byte[] {3}), merge);

        assertThat(second).isSameAs(first);
        assertThat(merges).hasValue(1);
    }

    @Test
    void aChangedAddedOrRemovedSummaryMergesAgain() {
        PopulationSnapshot first = shared.of(parts(new byte[] {1, 2}, new byte[] {3}), merge);
        PopulationSnapshot changed = shared.of(parts(new byte[] {1, 2}, new byte[] {4}), merge);
        PopulationSnapshot fewer = shared.of(Map.of("0_0", new byte[] {1, 2}), merge);

        assertThat(changed).isNotSameAs(first);
        assertThat(fewer).isNotSameAs(changed);
        assertThat(merges).hasValue(3);
    }

    private static Map<String, byte[]> parts(byte[] first, byte[] second) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("0_0", first);
        parts.put("0_1", second);
        return parts;
    }
}
