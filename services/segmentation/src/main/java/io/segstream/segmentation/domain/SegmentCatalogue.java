package io.segstream.segmentation.domain;

import java.util.List;

/** The dimensions every customer is classified on, in evaluation order. */
@FunctionalInterface
public interface SegmentCatalogue {
    List<Dimension> dimensions();

    /** What can change classes with the clock alone, over every dimension. */
    default ClockSensitivity clockSensitivity() {
        return ClockSensitivity.of(dimensions());
    }

    /** The figures with what only the catalogue knows (the population's RFM scores); as they are by default. */
    default ProfileFigures enrich(ProfileFigures figures) {
        return figures;
    }
}
