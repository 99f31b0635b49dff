package io.segstream.purchases.domain;

import java.util.Objects;

/**
 * Why one submission was refused: a stable code and a message that names the field or rule, never the rejected
 * values of personal fields.
 */
public record Rejection(RejectionCode code, String message) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
