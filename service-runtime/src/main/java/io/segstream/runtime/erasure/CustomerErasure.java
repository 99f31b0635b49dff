package io.segstream.runtime.erasure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.erasure.CustomerErasureRequested;
import io.segstream.runtime.audit.AuditTrail;
import io.segstream.runtime.schedule.BackgroundSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out erasure requests in this service: tombstone first (so events processed from now on are dropped), then
 * every {@link CustomerDataEraser}, then one audit entry per request. A second pass after
 * {@link ErasureProperties#recheckAfter()} removes what a batch in flight at that moment wrote afterwards.
 */
public class CustomerErasure implements SmartLifecycle {
    public static final String ERASED = "CUSTOMER_ERASED";
    public static final String REQUESTED = "CUSTOMER_ERASURE_REQUESTED";
    private static final Logger log = LoggerFactory.getLogger(CustomerErasure.class);

    private final List<CustomerDataEraser> erasers;
    private final ErasedCustomers tombstones;
    private final AuditTrail audit;
    private final ErasureProperties props;
    private final Clock clock;
    private final String service;
    private final Counter completed;
    private final BackgroundSchedule schedule;

    public CustomerErasure(List<CustomerDataEraser> erasers, ErasedCustomers tombstones, AuditTrail audit,
                           ErasureProperties props, Clock clock, String service, MeterRegistry meters) {
        this.erasers = List.copyOf(erasers);
        this.tombstones = tombstones;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
        this.service = service;
        this.completed = Counter.builder("segstream.erasure.completed")
                .description("Erasure requests carried out by this service (a redelivered request counts again)")
                .register(meters);
        this.schedule = new BackgroundSchedule(service + "-erasure-recheck", Duration.ofSeconds(5));
    }

    /** Erases the customer of {@code request} from every store of this service; idempotent. */
    public Map<String, Long> carryOut(CustomerErasureRequested request) {
        tombstones.record(request.customerId(), request.requestedAt(), clock.instant());
        Map<String, Long> removed = eraseEverywhere(request.customerId(), tombstones.erasedAt(request.customerId()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("requestEventId", request.eventId());
        detail.put("requestedAt", request.requestedAt().toString());
        detail.put("requestedVia", request.source());
        detail.put("service", service);
        detail.put("removed", removed);
        audit.record("erasure:" + request.eventId(), request.requestedBy(), ERASED, request.customerId(), detail);
        completed.increment();
        log.info("erasure {} carried out: {} record(s) removed", request.eventId(),
                removed.values().stream().mapToLong(Long::longValue).sum());
        return removed;
    }

    /** The second pass of erasures carried out at least {@code recheckAfter} ago; returns how many it re-ran. */
    public int recheckDue() {
        Instant due = clock.instant().minus(props.recheckAfter());
        Map<String, Instant> customers = tombstones.awaitingRecheck(due, props.recheckBatch());
        for (Map.Entry<String, Instant> customer : customers.entrySet()) {
            String customerId = customer.getKey();
            Map<String, Long> removed = eraseEverywhere(customerId, customer.getValue());
            long total = removed.values().stream().mapToLong(Long::longValue).sum();
            if (total > 0) {
                log.warn("second erasure pass removed {} record(s) written while the erasure ran", total);
            }
            tombstones.markRechecked(customerId);
        }
        return customers.size();
    }

    private Map<String, Long> eraseEverywhere(String customerId, Instant erasedAt) {
        Map<String, Long> removed = new LinkedHashMap<>();
        for (CustomerDataEraser eraser : erasers) {
            eraser.erase(customerId, erasedAt).forEach((store, count) -> removed.merge(store, count, Long::sum));
        }
        return removed;
    }

    @Override
    public void start() {
        if (schedule.start()) {
            schedule.every(props.recheckInterval(), props.recheckInterval(), () -> {
                try {
                    recheckDue();
                } catch (RuntimeException e) {
                    log.warn("erasure recheck failed, will retry: {}", e.toString());
                }
            });
        }
    }

    @Override
    public void stop() {
        schedule.stop();
    }

    @Override
    public boolean isRunning() {
        return schedule.isRunning();
    }
}
