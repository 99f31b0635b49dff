package io.segstream.churn.web;

import io.segstream.churn.audit.ChurnAudit;
import io.segstream.churn.domain.alerts.AlertClock;
import io.segstream.churn.domain.alerts.AlertCounts;
import io.segstream.churn.domain.alerts.AlertNotFound;
import io.segstream.churn.domain.alerts.AlertStore;
import io.segstream.churn.domain.alerts.Alerting;
import io.segstream.churn.domain.alerts.ConcurrentAlertUpdate;
import io.segstream.churn.domain.alerts.IllegalAlertTransition;
import io.segstream.churn.domain.alerts.OperatorAction;
import io.segstream.churn.messaging.AlertMetrics;
import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.AlertStatus;
import io.segstream.runtime.security.Actor;
import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Churn alerts for ops (role OPS): the current alert per customer, filtered and paged; acknowledge and resolve (who
 * and when are kept on the alert and in the audit trail); programme statistics. An unknown alert id is a 404 problem
 * ALERT_NOT_FOUND, a move the alert's status does not allow a 409 ILLEGAL_TRANSITION, a concurrent change a 409
 * CONCURRENT_UPDATE.
 */
@RestController
class AlertsController {
    static final String ALERT_NOT_FOUND = "ALERT_NOT_FOUND";
    static final String ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";
    static final String CONCURRENT_UPDATE = "CONCURRENT_UPDATE";
    private static final int MAX_PAGE_SIZE = 200;

    private final Alerting alerting;
    private final AlertStore store;
    private final AlertClock alertClock;
    private final AlertMetrics metrics;
    private final ChurnAudit audit;
    private final Clock clock;

    AlertsController(Alerting alerting, AlertStore store, AlertClock alertClock, AlertMetrics metrics,
                     ChurnAudit audit, Clock clock) {
        this.alerting = alerting;
        this.store = store;
        this.alertClock = alertClock;
        this.metrics = metrics;
        this.audit = audit;
        this.clock = clock;
    }

    record AlertList(List<AlertResponse> items, int page, int size, long total) {
    }

    /**
     * @param raised    alerts opened
     * @param winBackRate share of resolved alerts resolved by a purchase; null before any resolution
     */
    record AlertStats(long raised, long escalated, long resolved, long winBacks, Double winBackRate) {
    }

    @GetMapping("/api/v1/alerts")
    AlertList alerts(@RequestParam(required = false) String status, @RequestParam(required = false) String level,
                     @RequestParam(required = false) String valueTier,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        AlertStore.AlertPage found = store.list(parse(status, "status", AlertStatus::valueOf),
                parse(level, "level", AlertLevel::valueOf), valueTier, page, size);
        return new AlertList(found.alerts().stream().map(AlertResponse::of).toList(), page, size, found.total());
    }

    @PostMapping("/api/v1/alerts/{alertId}/acknowledge")
    AlertResponse acknowledge(@PathVariable String alertId) {
        OperatorAction action = act(() -> alerting.acknowledge(alertId, now(), Actor.current()));
        audit.acknowledged(action);
        return AlertResponse.of(action.after());
    }

    @PostMapping("/api/v1/alerts/{alertId}/resolve")
    AlertResponse resolve(@PathVariable String alertId) {
        OperatorAction action = act(() -> alerting.resolve(alertId, now(), Actor.current()));
        metrics.resolvedByOperator();
        audit.resolved(action);
        return AlertResponse.of(action.after());
    }

    @GetMapping("/api/v1/alerts/stats")
    AlertStats stats() {
        AlertCounts totals = store.totals();
        return new AlertStats(totals.raisedCount(), totals.escalatedCount(), totals.resolvedCount(),
                totals.winBackCount(), totals.resolvedCount() == 0 ? null
                        : (double) totals.winBackCount() / totals.resolvedCount());
    }

    private OperatorAction act(java.util.function.Supplier<OperatorAction> action) {
        try {
            return action.get();
        } catch (AlertNotFound e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, ALERT_NOT_FOUND, "no current alert has this id");
        } catch (IllegalAlertTransition e) {
            throw new ProblemException(HttpStatus.CONFLICT, ILLEGAL_TRANSITION, e.getMessage());
        } catch (ConcurrentAlertUpdate e) {
            throw new ProblemException(HttpStatus.CONFLICT, CONCURRENT_UPDATE, e.getMessage());
        }
    }

    /** The alert clock's now; the wall clock in event-time mode before any event was seen. */
    private Instant now() {
        return alertClock.now().orElseGet(() -> clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    private static <T> T parse(String value, String name, Function<String, T> parser) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER, name + " is not valid");
        }
    }
}
