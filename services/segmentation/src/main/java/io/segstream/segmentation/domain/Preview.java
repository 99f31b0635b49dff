package io.segstream.segmentation.domain;

import java.util.List;
import java.util.Map;

/**
 * What a definition would change if applied now: per class, how many customers would enter and leave it, with a
 * sample of their ids (an audience's classes are "true" and "false": entered and exited).
 *
 * @param evaluated customers evaluated (every stored profile)
 * @param unchanged customers who would stay in their class
 */
public record Preview(String key, long evaluated, long unchanged, Map<String, ClassMoves> classes) {

    /** Movements into and out of one class. */
    public record ClassMoves(long entered, long left, List<String> enteredSample, List<String> leftSample) {
    }
}
