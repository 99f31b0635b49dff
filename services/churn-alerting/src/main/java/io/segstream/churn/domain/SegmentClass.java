package io.segstream.churn.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's present class in one of segmentation's dimensions.
 *
 * @param since   event time of the change that put the customer there
 * @param eventId the segment-change event that did
 */
public record SegmentClass(String key, String className, long definitionVersion, Instant since, String eventId) {

    public SegmentClass {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(className, "className");
    }
}
