package io.segstream.feedback.domain;

/** The feedback store (MongoDB) did not answer: nothing of the call is known to be durable; try again later. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
