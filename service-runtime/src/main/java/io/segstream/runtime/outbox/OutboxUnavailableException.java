package io.segstream.runtime.outbox;

/**
 * MongoDB did not take the write, so nothing submitted in that call is known to be durable. An HTTP intake answers
 * 503 with Retry-After; a listener lets it escape so the batch is redelivered. Events of the call that were written
 * before the failure are not lost: a retry answers them as duplicates and the relay publishes them.
 */
public class OutboxUnavailableException extends RuntimeException {
    public OutboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
