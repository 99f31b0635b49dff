package io.segstream.purchases.domain;

/**
 * The ledger or order book could not be reached: nothing of the current call is known to be durable. HTTP answers
 * 503 with Retry-After; the Kafka listener lets it escape so the batch is redelivered.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
