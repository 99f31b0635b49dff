package io.segstream.segmentation.domain;

import java.util.List;

/** The dimensions every customer is classified on, in evaluation order. */
@FunctionalInterface
public interface SegmentCatalogue {
    List<Dimension> dimensions();
}
