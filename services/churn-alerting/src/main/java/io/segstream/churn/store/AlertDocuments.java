package io.segstream.churn.store;

import io.segstream.churn.domain.alerts.Alert;
import io.segstream.churn.domain.alerts.AlertCounts;
import io.segstream.churn.domain.alerts.AlertMessage;
import io.segstream.churn.domain.alerts.CustomerWatch;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.AlertStatus;
import io.segstream.contracts.churn.ChurnAlertChanged;
import io.segstream.contracts.churn.ChurnReason;
import io.segstream.contracts.churn.SuggestedAction;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The {@code customer_alerts} document of a customer and back. Times are BSON dates (the alert clock works in whole
 * milliseconds, so they round-trip exactly); a pending message keeps its payload as contract JSON text.
 */
final class AlertDocuments {
    static final String ID = "_id";
    static final String VERSION = "version";
    static final String CURRENT = "current";
    static final String NEXT_CHECK_AT = "nextCheckAt";
    static final String PENDING = "pending";
    static final String PENDING_SINCE = "pendingSince";
    static final String COUNTS = "counts";
    static final String ALERT_ID = CURRENT + ".alertId";
    static final String STATUS = CURRENT + ".status";
    static final String LEVEL = CURRENT + ".level";
    static final String VALUE_TIER = CURRENT + ".valueTier";
    static final String CHANGED_AT = CURRENT + ".changedAt";

    private AlertDocuments() {
    }

    static Document toDocument(CustomerWatch watch) {
        AlertCounts counts = watch.counts();
        return new Document(ID, watch.customerId())
                .append(CURRENT, watch.current() == null ? null : alert(watch.current()))
                .append("cooldownUntil", date(watch.cooldownUntil()))
                .append(NEXT_CHECK_AT, date(watch.nextCheckAt()))
                .append(PENDING, watch.pending().stream().map(message -> new Document("messageId", message.messageId())
                        .append("payload", ContractJson.mapper().writeValueAsString(message.payload()))).toList())
                .append(COUNTS, new Document("raised", counts.raisedCount()).append("escalated",
                        counts.escalatedCount()).append("resolved", counts.resolvedCount())
                        .append("winBacks", counts.winBackCount()));
    }

    static CustomerWatch toWatch(Document document) {
        Document current = document.get(CURRENT, Document.class);
        Document counts = document.get(COUNTS, Document.class);
        List<AlertMessage> pending = document.getList(PENDING, Document.class, List.of()).stream()
                .map(message -> new AlertMessage(message.getString("messageId"), ContractJson.mapper()
                        .readValue(message.getString("payload"), ChurnAlertChanged.class)))
                .toList();
        return CustomerWatch.restore(document.getString(ID), number(document, VERSION),
                current == null ? null : alert(document.getString(ID), current),
                instant(document.getDate("cooldownUntil")), instant(document.getDate(NEXT_CHECK_AT)), pending,
                counts == null ? new AlertCounts() : new AlertCounts(number(counts, "raised"),
                        number(counts, "escalated"), number(counts, "resolved"), number(counts, "winBacks")));
    }

    static Document alert(Alert alert) {
        return new Document("alertId", alert.alertId())
                .append("status", alert.status().name())
                .append("level", alert.level().name())
                .append("riskScore", alert.riskScore())
                .append("pAlive", alert.pAlive())
                .append("expectedPurchases90d", alert.expectedPurchases90d())
                .append("daysSinceLastPurchase", alert.daysSinceLastPurchase())
                .append("valueTier", alert.valueTier())
                .append("reasons", alert.reasons().stream().map(Enum::name).toList())
                .append("suggestedAction", alert.suggestedAction().name())
                .append("openedAt", date(alert.openedAt()))
                .append("changedAt", date(alert.changedAt()))
                .append("acknowledgedAt", date(alert.acknowledgedAt()))
                .append("acknowledgedBy", alert.acknowledgedBy())
                .append("resolvedAt", date(alert.resolvedAt()))
                .append("resolvedBy", alert.resolvedBy())
                .append("winBack", alert.winBack())
                .append("sequence", alert.sequence());
    }

    static Alert alert(String customerId, Document d) {
        return new Alert(d.getString("alertId"), customerId, AlertStatus.valueOf(d.getString("status")),
                AlertLevel.valueOf(d.getString("level")), d.get("riskScore", Number.class).doubleValue(),
                decimal(d, "pAlive"), decimal(d, "expectedPurchases90d"),
                d.get("daysSinceLastPurchase", Number.class) == null ? null
                        : d.get("daysSinceLastPurchase", Number.class).intValue(),
                d.getString("valueTier"),
                d.getList("reasons", String.class, List.of()).stream().map(ChurnReason::valueOf).toList(),
                SuggestedAction.valueOf(d.getString("suggestedAction")), instant(d.getDate("openedAt")),
                instant(d.getDate("changedAt")), instant(d.getDate("acknowledgedAt")),
                instant(d.getDate("resolvedAt")), Boolean.TRUE.equals(d.getBoolean("winBack")),
                (int) number(d, "sequence"), d.getString("acknowledgedBy"), d.getString("resolvedBy"));
    }

    private static Double decimal(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? null : value.doubleValue();
    }

    static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
