package io.segstream.churn.messaging;

import io.segstream.churn.config.ChurnProperties;
import io.segstream.churn.domain.alerts.AlertMessage;
import io.segstream.churn.domain.alerts.AlertPublisher;
import io.segstream.contracts.registry.Contracts;
import io.segstream.runtime.messaging.ContractEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Alert messages on churn.alerts.v1: key customerId, ce_id the message's deterministic id, ce_time the change's
 * time. Waits for the broker's acknowledgement of all of them (acks=all) before the caller clears them.
 */
@Component
class KafkaAlertPublisher implements AlertPublisher {
    private final ContractEventPublisher publisher;
    private final Duration timeout;

    KafkaAlertPublisher(ContractEventPublisher publisher, ChurnProperties props) {
        this.publisher = publisher;
        this.timeout = props.alerts().publishTimeout();
    }

    @Override
    public void publish(List<AlertMessage> messages) {
        List<CompletableFuture<?>> sends = new ArrayList<>(messages.size());
        for (AlertMessage message : messages) {
            sends.add(publisher.publish(Contracts.CHURN_ALERT, message.payload().customerId(), message.messageId(),
                    message.payload().occurredAt(), message.payload()));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing alerts", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("alert messages were not acknowledged; they stay pending", e);
        }
    }
}
