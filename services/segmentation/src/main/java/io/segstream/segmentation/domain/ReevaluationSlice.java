package io.segstream.segmentation.domain;

/**
 * One slice of a re-evaluation of every customer, in customer-id order.
 *
 * @param read      profiles read
 * @param lastId    the id of the last profile read: the next slice starts after it (null when none was read yet)
 * @param written   profiles whose classes or definition versions changed and were saved
 * @param changes   class changes published
 * @param finished  no profile comes after this slice
 */
public record ReevaluationSlice(int read, String lastId, int written, int changes, boolean finished) {
}
