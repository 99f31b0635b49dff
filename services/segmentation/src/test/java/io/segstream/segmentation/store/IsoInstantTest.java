package io.segstream.segmentation.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantTest {

    @Property(tries = 3000)
    void readsWhatInstantWritesAsInstantParseDoes(@ForAll("instants") Instant instant) {
        String text = instant.toString();
        assertThat(IsoInstant.parse(text)).isEqualTo(Instant.parse(text)).isEqualTo(instant);
    }

    @Property(tries = 3000)
    void writesWhatInstantWrites(@ForAll("instants") Instant instant) {
        assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
    }

    @Test
    void writesTheEdgesOfFourDigitYearsAndBeyondAsInstantDoes() {
        for (Instant instant : List.of(Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("0000-01-01T00:00:00Z").minusNanos(1), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.EPOCH, Instant.parse("2024-02-29T00:00:00.000001Z"), Instant.parse("2000-03-01T12:00:00Z"),
                Instant.MIN, Instant.MAX)) {
            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
                .map(ms -> ms * 1_000_000), Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
        return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Test
    void otherTextIsReadOrRefusedAsInstantParseDoes() {
        for (String text : List.of("2026-12-03T08:47:37.1Z", "2026-12-03T08:47:37.12345Z", "+12026-12-03T08:47:37Z",
                "2024-02-29T23:59:59Z", "1970-01-01T00:00:00.000000001Z", "2026-12-03T24:00:00Z",
                "2026-12-03T23:59:60Z", "2026-12-03T08:47:37.Z")) {
            assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : List.of("2026-02-30T00:00:00Z", "2026-12-03T08:60:00Z", "2026-12-03 08:47:37Z",
                "2026-12-03T08:47:37", "2026-1a-03T08:47:37Z", "2026-12-03T08:47:37.1234567890Z", "")) {
            assertThatThrownBy(() -> IsoInstant.parse(text)).as(text).isInstanceOf(DateTimeException.class);
        }
    }
}
