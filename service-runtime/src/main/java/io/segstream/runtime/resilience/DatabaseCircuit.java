package io.segstream.runtime.resilience;

import com.mongodb.MongoException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A resilience4j circuit breaker over MongoDB, fed by a periodic ping and by the outcome of every listener batch.
 * While it is open, HTTP requests get 503 with Retry-After at once (instead of waiting for the driver's timeout),
 * and consumers stretch their retry backoff to the breaker's wait, so they pause instead of hammering a database
 * that is away; a single trial ping (half-open) closes it when MongoDB is back, and they resume.
 */
public class DatabaseCircuit {
    private static final Logger log = LoggerFactory.getLogger(DatabaseCircuit.class);
    private final CircuitBreaker breaker;
    private final Duration openWait;
    private volatile long openedAtNanos;

    public DatabaseCircuit(DatabaseCircuitProperties props, MeterRegistry meters) {
        this.openWait = props.openWait();
        this.breaker = CircuitBreaker.of("mongo", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(props.windowSize())
                .minimumNumberOfCalls(props.minimumCalls())
                .failureRateThreshold(props.failureRateThreshold())
                .waitDurationInOpenState(props.openWait())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(DatabaseCircuit::isDatabaseFailure)
                .build());
        Gauge.builder("segstream.mongo.circuit.state", breaker, b -> switch (b.getState()) {
                    case CLOSED, DISABLED, METRICS_ONLY -> 0.0;
                    case HALF_OPEN -> 0.5;
                    case OPEN, FORCED_OPEN -> 1.0;
                })
                .description("MongoDB circuit breaker: 0 closed, 0.5 half-open (one trial), 1 open (requests get 503)")
                .register(meters);
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State to = event.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN) {
                openedAtNanos = System.nanoTime();
                log.warn("MongoDB circuit open: requests get 503 and consumers pause for {}", openWait);
            } else if (to == CircuitBreaker.State.CLOSED) {
                log.info("MongoDB circuit closed: MongoDB answers again");
            }
            Counter.builder("segstream.mongo.circuit.transitions")
                    .description("State changes of the MongoDB circuit breaker, by the state entered")
                    .tag("to", to.name())
                    .register(meters)
                    .increment();
        });
    }

    /** True for failures that say MongoDB is unreachable or unable to serve, not that a request was wrong. */
    public static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException) {
                return !(t instanceof com.mongodb.MongoWriteException)
                        && !(t instanceof com.mongodb.DuplicateKeyException)
                        && !(t instanceof com.mongodb.MongoCommandException);
            }
        }
        return false;
    }

    /** Runs one guarded check (a ping); its outcome moves the breaker. Returns false when the breaker refused. */
    public boolean probe(Runnable check) {
        if (!breaker.tryAcquirePermission()) {
            return false;
        }
        long start = System.nanoTime();
        try {
            check.run();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
        }
        return true;
    }

    /** A listener batch went through: evidence that MongoDB works (ignored unless the breaker is closed). */
    public void recordSuccess() {
        if (breaker.getState() == CircuitBreaker.State.CLOSED && breaker.tryAcquirePermission()) {
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        }
    }

    /** A listener batch failed; only database failures count (ignored unless the breaker is closed). */
    public void recordFailure(Throwable failure) {
        if (isDatabaseFailure(failure) && breaker.getState() == CircuitBreaker.State.CLOSED
                && breaker.tryAcquirePermission()) {
            breaker.onError(0, TimeUnit.NANOSECONDS, failure);
        }
    }

    public boolean isOpen() {
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** How long until the breaker tries MongoDB again (zero unless open). */
    public Duration untilTrial() {
        if (!isOpen()) {
            return Duration.ZERO;
        }
        long left = openWait.toNanos() - (System.nanoTime() - openedAtNanos);
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }
}
