package io.segstream.segmentation.messaging;

import io.segstream.contracts.Contracts;
import io.segstream.contracts.segment.ProfileSnapshot;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.contracts.segment.SegmentKind;
import io.segstream.runtime.config.RuntimeProperties;
import io.segstream.runtime.messaging.ContractEventPublisher;
import io.segstream.segmentation.domain.ChangePublisher;
import io.segstream.segmentation.domain.ChangesNotPublished;
import io.segstream.segmentation.domain.ClassChange;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes class changes as SegmentChanged on segments.changes.v1, keyed by customer, ce_time = event time. */
@Component
class KafkaChangePublisher implements ChangePublisher {
    private final ContractEventPublisher events;
    private final SegmentationMetrics metrics;
    private final long sendTimeoutMs;

    KafkaChangePublisher(ContractEventPublisher events, SegmentationMetrics metrics, RuntimeProperties runtime) {
        this.events = events;
        this.metrics = metrics;
        this.sendTimeoutMs = runtime.kafkaSendTimeout().toMillis();
    }

    @Override
    public void publish(List<ClassChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] sends = new CompletableFuture<?>[changes.size()];
        for (int i = 0; i < sends.length; i++) {
            ClassChange change = changes.get(i);
            try {
                sends[i] = events.publish(Contracts.SEGMENT_CHANGED, change.customerId(), change.eventId(),
                        change.occurredAt(), event(change));
            } catch (RuntimeException e) {
                // KafkaTemplate throws, rather than failing the future, when it cannot get metadata in time.
                sends[i] = CompletableFuture.failedFuture(e);
            }
        }
        try {
            CompletableFuture.allOf(sends).get(sendTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChangesNotPublished("interrupted while publishing segment changes", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ChangesNotPublished("the broker did not acknowledge every segment change", e);
        }
        metrics.published(changes);
    }

    static SegmentChanged event(ClassChange change) {
        return new SegmentChanged(change.eventId(), change.customerId(), SegmentKind.valueOf(change.kind().name()),
                change.key(),
                change.from(), change.to(), change.definitionVersion(), change.causedBy(), change.occurredAt(),
                new ProfileSnapshot(change.recencyDays(), Math.toIntExact(change.frequency()), change.monetary(),
                        change.rfm()));
    }
}
