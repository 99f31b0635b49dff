package io.segstream.purchases.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The result of one element of a batch, by its position; code and message only when rejected. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ItemResult(int index, String eventId, String status, Boolean published, String code, String message) {
}
