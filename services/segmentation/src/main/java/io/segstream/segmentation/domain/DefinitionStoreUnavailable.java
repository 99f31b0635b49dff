package io.segstream.segmentation.domain;

/** The definitions could not be stored or read in time (the broker is away): nothing was stored; try again later. */
public class DefinitionStoreUnavailable extends RuntimeException {
    public DefinitionStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
