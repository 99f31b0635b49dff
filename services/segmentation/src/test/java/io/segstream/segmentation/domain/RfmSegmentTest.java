package io.segstream.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The RFM segment table is total and non-overlapping: every one of the 25 (R, FM) cells has exactly one segment. */
class RfmSegmentTest {

    @Test
    void everyCellBelongsToExactlyOneSegmentAndEverySegmentHasACell() {
        Map<Integer, RfmSegment> owner = new HashMap<>();
        for (RfmSegment segment : RfmSegment.values()) {
            for (int cell : segment.cells()) {
                assertThat(owner.put(cell, segment)).as("cell %d", cell).isNull();
            }
        }
        assertThat(owner).hasSize(25);
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                assertThat(owner.get(r * 10 + fm)).isEqualTo(RfmSegment.of(r, fm));
            }
        }
        Set<RfmSegment> used = EnumSet.noneOf(RfmSegment.class);
        used.addAll(owner.values());
        assertThat(used).containsExactlyInAnyOrder(RfmSegment.values());
    }

    @Test
    void theCornersAreTheNamedExtremes() {
        assertThat(RfmSegment.of(5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegment.of(1, 1)).isEqualTo(RfmSegment.LOST);
        assertThat(RfmSegment.of(1, 5)).isEqualTo(RfmSegment.CANT_LOSE);
        assertThat(RfmSegment.of(5, 1)).isEqualTo(RfmSegment.NEW);
    }

    @Test
    void fmIsTheMeanOfFAndMRoundedHalfUp() {
        assertThat(RfmScore.of(3, 1, 2).fm()).isEqualTo(2);
        assertThat(RfmScore.of(3, 4, 5).fm()).isEqualTo(5);
        assertThat(RfmScore.of(3, 1, 1).fm()).isEqualTo(1);
        assertThat(RfmScore.of(2, 4, 5).code()).isEqualTo("245");
    }
}
