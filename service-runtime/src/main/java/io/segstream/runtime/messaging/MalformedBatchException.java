package io.segstream.runtime.messaging;

/** A batch body that is not a JSON array: the whole request is refused (400 MALFORMED_JSON). */
public class MalformedBatchException extends RuntimeException {
    public MalformedBatchException(String message) {
        super(message, null, false, false);
    }
}
