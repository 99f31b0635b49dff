package io.segstream.runtime.resilience;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The consumers' retry backoff: the given one, stretched while the MongoDB circuit is open to the time of its
 * next trial, so a consumer waits for the database instead of retrying into it.
 */
public final class CircuitAwareBackOff implements BackOff {
    private final BackOff delegate;
    private final DatabaseCircuit circuit;

    public CircuitAwareBackOff(BackOff delegate, DatabaseCircuit circuit) {
        this.delegate = delegate;
        this.circuit = circuit;
    }

    @Override
    public BackOffExecution start() {
        BackOffExecution execution = delegate.start();
        return () -> {
            long next = execution.nextBackOff();
            if (next == BackOffExecution.STOP || !circuit.isOpen()) {
                return next;
            }
            return Math.max(next, circuit.untilTrial().toMillis());
        };
    }
}
