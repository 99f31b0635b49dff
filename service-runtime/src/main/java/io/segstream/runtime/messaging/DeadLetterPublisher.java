package io.segstream.runtime.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Moves a rejected incoming message to {@code <topic>.dlq}: the original key, value and headers, plus the reason in
 * x-error-code, x-error-message and x-failed-at. The send is awaited, so the consumer commits the original offset
 * only once the dead letter is durable: nothing rejected is lost.
 */
public class DeadLetterPublisher {
    /** Longest error message put in a header; messages never contain payload contents. */
    static final int MAX_MESSAGE_CHARS = 500;

    private final KafkaTemplate<String, byte[]> template;
    private final MeterRegistry meters;
    private final Clock clock;
    private final long sendTimeoutMs;

    public DeadLetterPublisher(KafkaTemplate<String, byte[]> template, MeterRegistry meters, Clock clock,
                               long sendTimeoutMs) {
        this.template = template;
        this.meters = meters;
        this.clock = clock;
        this.sendTimeoutMs = sendTimeoutMs;
    }

    public void deadLetter(ConsumerRecord<String, byte[]> original, String code, String message) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.deadLetterOf(original.topic()), null,
                original.key(), original.value());
        for (Header header : original.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add(CloudEventHeaders.ERROR_CODE, bytes(code));
        letter.headers().add(CloudEventHeaders.ERROR_MESSAGE, bytes(truncate(message)));
        letter.headers().add(CloudEventHeaders.FAILED_AT, bytes(clock.instant().toString()));
        try {
            template.send(letter).get(sendTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            // Rethrown so the batch is not committed: the message is redelivered rather than lost.
            throw new IllegalStateException("could not dead-letter a message from " + original.topic(), e);
        }
        meters.counter("segstream.dead.letters", "topic", original.topic(), "code", code).increment();
    }

    private static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
