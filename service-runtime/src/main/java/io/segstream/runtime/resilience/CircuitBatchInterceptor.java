package io.segstream.runtime.resilience;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;

/** Tells the {@link DatabaseCircuit} how every listener batch ended. */
public final class CircuitBatchInterceptor implements BatchInterceptor<Object, Object> {
    private final DatabaseCircuit circuit;

    public CircuitBatchInterceptor(DatabaseCircuit circuit) {
        this.circuit = circuit;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                     Consumer<Object, Object> consumer) {
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        circuit.recordSuccess();
    }

    @Override
    public void failure(ConsumerRecords<Object, Object> records, Exception exception,
                        Consumer<Object, Object> consumer) {
        circuit.recordFailure(exception);
    }
}
