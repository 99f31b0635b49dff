package io.segstream.segmentation.expressions;

import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.SegmentCatalogue;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.segstream.segmentation.expressions.StillHoldsProperties.DIMENSIONS;
import static io.segstream.segmentation.expressions.StillHoldsProperties.NOW;
import static io.segstream.segmentation.expressions.StillHoldsProperties.POLICY;
import static io.segstream.segmentation.expressions.StillHoldsProperties.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/** When a definition can keep a class without evaluating it, and when it cannot. */
class StillHoldsTest {

    @Test
    void unchangedInputsKeepTheClassChangedOnesAndOpaqueReadsDoNot() {
        CustomerProfile profile = CustomerProfile.newCustomer("C-2");
        SegmentCatalogue catalogue = () -> DIMENSIONS;
        profile.apply(purchase("p1", NOW.minus(Duration.ofDays(3)), "100.00", "toys"), NOW, POLICY, catalogue);
        ProfileFigures same = profile.figures(NOW, POLICY);
        Dimension region = dimension("region");
        Dimension opaque = dimension("opaque");

        assertThat(region.stillHolds(profile.currentClass("region").orElseThrow(), same, profile.segmentsView()))
                .isTrue();
        assertThat(opaque.stillHolds(profile.currentClass("opaque").orElseThrow(), same, profile.segmentsView()))
                .as("what [profile].exists(...) reads cannot be told").isFalse();
        ProfileFigures later = profile.figures(NOW.plus(Duration.ofDays(100)), POLICY);
        assertThat(dimension("lifecycle").stillHolds(profile.currentClass("lifecycle").orElseThrow(), later,
                profile.segmentsView())).as("recency moved").isFalse();
        assertThat(region.stillHolds(profile.currentClass("region").orElseThrow(), later, profile.segmentsView()))
                .as("the region read is the same").isTrue();
    }

    private static Dimension dimension(String key) {
        return DIMENSIONS.stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

}
