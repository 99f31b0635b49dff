package io.segstream.runtime.erasure;

import io.segstream.contracts.Ids;
import io.segstream.contracts.Topics;
import io.segstream.contracts.erasure.CustomerErasureRequested;
import io.segstream.contracts.registry.Contracts;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.runtime.messaging.ContractViolation;
import io.segstream.runtime.messaging.DeadLetterPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;

/**
 * Every instance group of every service consumes customers.erasure.v1 (group = the service's name) and carries
 * the request out in its own view. A request that is not a valid contract event goes to the dead-letter topic.
 * Failures of MongoDB escape to the container's retry-forever handler: an erasure is never skipped.
 */
public class ErasureListener {
    static final String INVALID = "INVALID_ERASURE_REQUEST";
    private final CustomerErasure erasure;
    private final ContractDecoder decoder;
    private final DeadLetterPublisher deadLetters;

    public ErasureListener(CustomerErasure erasure, ContractDecoder decoder, DeadLetterPublisher deadLetters) {
        this.erasure = erasure;
        this.decoder = decoder;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = "${spring.application.name}-erasure", groupId = "${spring.application.name}",
            topics = Topics.CUSTOMER_ERASURE)
    public void onRequests(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            CustomerErasureRequested request;
            try {
                request = decoder.decode(Contracts.CUSTOMER_ERASURE_REQUESTED, record.value());
            } catch (ContractViolation e) {
                deadLetters.deadLetter(record, e.code(), e.getMessage());
                continue;
            }
            String problem = problem(request);
            if (problem != null) {
                deadLetters.deadLetter(record, INVALID, problem);
                continue;
            }
            erasure.carryOut(request);
        }
    }

    static String problem(CustomerErasureRequested request) {
        if (!Ids.isValid(request.eventId())) {
            return "eventId is missing or not a valid id";
        }
        if (!Ids.isValid(request.customerId())) {
            return "customerId is missing or not a valid id";
        }
        if (request.requestedAt() == null) {
            return "requestedAt is missing";
        }
        if (request.requestedBy() == null || request.requestedBy().isBlank() || request.requestedBy().length() > 128) {
            return "requestedBy is missing or longer than 128 characters";
        }
        if (request.source() == null || request.source().isBlank() || request.source().length() > 128) {
            return "source is missing or longer than 128 characters";
        }
        return null;
    }
}
