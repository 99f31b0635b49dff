package io.segstream.feedback.domain;

/** Why a piece of feedback was refused: a stable code and a message that names fields, never their contents. */
public record Rejection(String code, String message) {
}
