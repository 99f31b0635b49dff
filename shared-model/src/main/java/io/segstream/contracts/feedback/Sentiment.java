package io.segstream.contracts.feedback;

public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE
}
