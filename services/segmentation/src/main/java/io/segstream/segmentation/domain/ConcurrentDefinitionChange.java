package io.segstream.segmentation.domain;

/** Two changes of the same definition raced for the same version; the loser may simply try again. */
public class ConcurrentDefinitionChange extends RuntimeException {
    public ConcurrentDefinitionChange(String message) {
        super(message);
    }
}
