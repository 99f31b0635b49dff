package io.segstream.segmentation.domain;

/** The broker did not acknowledge every change in time; they stay pending and are published again later. */
public class ChangesNotPublished extends RuntimeException {
    public ChangesNotPublished(String message, Throwable cause) {
        super(message, cause);
    }
}
