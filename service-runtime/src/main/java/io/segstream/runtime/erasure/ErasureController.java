package io.segstream.runtime.erasure;

import io.segstream.contracts.Ids;
import io.segstream.contracts.erasure.CustomerErasureRequested;
import io.segstream.contracts.registry.Contracts;
import io.segstream.runtime.audit.AuditTrail;
import io.segstream.runtime.messaging.ContractEventPublisher;
import io.segstream.runtime.security.Actor;
import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code DELETE /api/v1/customers/{customerId}} (ADMIN), on every service: publishes the request to
 * customers.erasure.v1 and answers 202 once the broker has it; every service (this one included) then carries it
 * out from the topic. 503 with Retry-After when the broker does not acknowledge: nothing was requested.
 */
@RestController
public class ErasureController {
    private final ContractEventPublisher publisher;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration sendTimeout;
    private final Duration retryAfter;

    public ErasureController(ContractEventPublisher publisher, AuditTrail audit, Clock clock, Duration sendTimeout,
                             Duration retryAfter) {
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
        this.sendTimeout = sendTimeout;
        this.retryAfter = retryAfter;
    }

    /** The answer: the request's event id, to find it in every service's audit log. */
    public record ErasureReceipt(String eventId, String customerId, Instant requestedAt, String status) {
    }

    @DeleteMapping(path = "/api/v1/customers/{customerId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ErasureReceipt> erase(@PathVariable String customerId) {
        if (!Ids.isValid(customerId)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                    "customerId must be 1-128 characters of letters, digits and . _ : @ -");
        }
        Instant now = clock.instant();
        CustomerErasureRequested request = new CustomerErasureRequested(UUID.randomUUID().toString(), customerId,
                now, Actor.current(), publisher.source());
        try {
            publisher.publish(Contracts.CUSTOMER_ERASURE_REQUESTED, customerId, request.eventId(), now, request)
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
        audit.record("request:" + request.eventId(), request.requestedBy(), CustomerErasure.REQUESTED, customerId,
                Map.of("requestEventId", request.eventId()));
        return ResponseEntity.accepted().body(new ErasureReceipt(request.eventId(), customerId, now, "REQUESTED"));
    }

    private ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE,
                "the erasure request could not be published to Kafka; nothing was requested, try again",
                Map.of(), retryAfter);
    }
}
