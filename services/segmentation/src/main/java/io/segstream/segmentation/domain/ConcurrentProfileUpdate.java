package io.segstream.segmentation.domain;

/**
 * A profile was written by someone else between our read and our write (a consumer that lost its partition, or
 * the change relay). The caller retries from a fresh read; repeating is safe because applying is idempotent.
 */
public class ConcurrentProfileUpdate extends RuntimeException {
    public ConcurrentProfileUpdate(String message) {
        super(message);
    }
}
