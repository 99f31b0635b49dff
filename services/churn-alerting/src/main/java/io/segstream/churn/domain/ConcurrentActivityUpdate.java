package io.segstream.churn.domain;

/** An activity was written by another writer between our read and our write; retry from a fresh read. */
public class ConcurrentActivityUpdate extends RuntimeException {
    public ConcurrentActivityUpdate(String message) {
        super(message);
    }
}
