package io.segstream.churn.audit;

import io.segstream.churn.domain.ModelFit;
import io.segstream.churn.domain.alerts.Alert;
import io.segstream.churn.domain.alerts.OperatorAction;
import io.segstream.runtime.audit.AuditTrail;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What churn-alerting writes to the service's audit trail (collection {@code audit_log}, GET /api/v1/audit): who
 * acted on which alert, from which status to which, at which message sequence; and every model fit with its as-of
 * instant and sample size. The actor is the caller's principal ({@code system} for the schedule). The details hold
 * ids, statuses and counts only: no customer id (the alert id is a name-based UUID that does not reveal it), so an
 * erasure leaves nothing personal behind in these entries.
 */
@Component
public class ChurnAudit {
    public static final String ALERT_ACKNOWLEDGED = "ALERT_ACKNOWLEDGED";
    public static final String ALERT_RESOLVED = "ALERT_RESOLVED";
    public static final String CHURN_MODEL_FITTED = "CHURN_MODEL_FITTED";
    /** The subject of model-fit entries: there is one model per service. */
    public static final String CHURN_MODEL = "churn-model";

    /** Who asked for a fit. */
    public enum FitTrigger {
        /** POST /api/v1/churn-model/fit */
        REQUEST,
        /** the refit schedule */
        SCHEDULE
    }

    private final AuditTrail trail;

    public ChurnAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** Records an acknowledgement that changed the alert (a repeat changes nothing and is not recorded). */
    public void acknowledged(OperatorAction action) {
        if (action.changed()) {
            trail.record(ALERT_ACKNOWLEDGED, action.after().alertId(), alertDetail(action));
        }
    }

    public void resolved(OperatorAction action) {
        if (action.changed()) {
            trail.record(ALERT_RESOLVED, action.after().alertId(), alertDetail(action));
        }
    }

    public void modelFitted(ModelFit fit, FitTrigger trigger) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("asOf", fit.fitted().asOf().toString());
        detail.put("sampleSize", fit.fitted().customers());
        detail.put("fittedAt", fit.fittedAt().toString());
        detail.put("timeUnit", fit.fitted().parameters().unit().name());
        detail.put("trigger", trigger.name());
        trail.record(CHURN_MODEL_FITTED, CHURN_MODEL, detail);
    }

    private static Map<String, Object> alertDetail(OperatorAction action) {
        Alert before = action.before();
        Alert after = action.after();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("statusBefore", before.status().name());
        detail.put("statusAfter", after.status().name());
        // The sequence numbers the alert's messages (1 = OPEN, +1 per status change): the version acted on.
        detail.put("sequenceBefore", before.sequence());
        detail.put("sequenceAfter", after.sequence());
        detail.put("level", after.level().name());
        return detail;
    }
}
