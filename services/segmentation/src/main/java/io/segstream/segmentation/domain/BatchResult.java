package io.segstream.segmentation.domain;

import java.util.List;

/**
 * What one batch of purchase events did.
 *
 * @param published every change published while handling the batch: the batch's own and any left pending before
 */
public record BatchResult(int applied, int duplicates, int tooLate, List<ClassChange> published) {

    public BatchResult {
        published = List.copyOf(published);
    }
}
