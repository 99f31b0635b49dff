package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;

/** Port: hears what the intake did, for metrics. {@code kind} is null when the payload could not be read. */
public interface IntakeObserver {
    void accepted(FeedbackKind kind, IntakePath path, Sentiment sentiment);

    void duplicate(FeedbackKind kind, IntakePath path);

    void rejected(FeedbackKind kind, String code, IntakePath path);
}
