package io.segstream.segmentation.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.segstream.segmentation.domain.CurrentClass;
import io.segstream.segmentation.domain.CustomerProfile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** GET /api/v1/customers/{customerId}/segments: the customer's present class in every dimension, and why. */
record SegmentsResponse(String customerId, List<Membership> segments) {

    /**
     * @param since       event time of the change that put the customer in this class
     * @param causedBy    the event id (or "sweep", "redefinition") that caused it
     * @param evaluatedAt as-of instant of the latest evaluation; {@code reason} holds its figures
     * @param reason      the figures and thresholds that put the customer in this class
     */
    record Membership(String kind, String key, @JsonProperty("class") String className, long definitionVersion,
                      Instant since, String causedBy, Instant evaluatedAt, Map<String, Object> reason) {
    }

    static SegmentsResponse of(CustomerProfile profile) {
        return new SegmentsResponse(profile.customerId(), profile.classes().stream()
                .map(SegmentsResponse::membership)
                .toList());
    }

    private static Membership membership(CurrentClass current) {
        return new Membership(current.kind().name(), current.key(), current.className(), current.definitionVersion(),
                current.since(), current.causedBy(), current.evaluatedAt(), current.reason());
    }
}
