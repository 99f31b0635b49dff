package io.segstream.churn.store;

import io.segstream.churn.domain.ActivityFigures;
import io.segstream.churn.domain.CustomerActivity;
import io.segstream.churn.domain.EarlierPurchases;
import io.segstream.churn.domain.FeedbackFact;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.churn.domain.PurchaseFact;
import io.segstream.churn.domain.PurchaseKind;
import io.segstream.churn.domain.SegmentClass;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The {@code customer_activity} document of a customer and back. Facts keep exact ISO-8601 instants and Decimal128
 * money; purchase days are ISO dates ("2026-11-20", sortable as text). The top-level figures (BSON dates and
 * numbers) are derived on every write for queries and the churn scoring; they are never read back as truth.
 */
final class ActivityDocuments {
    static final String ID = "_id";
    static final String VERSION = "version";
    static final String UPDATED_AT = "updatedAt";

    private ActivityDocuments() {
    }

    static Document toDocument(CustomerActivity activity, ActivityFigures figures) {
        return new Document(ID, activity.customerId())
                .append("reportingCurrency", activity.reportingCurrency())
                .append("purchases", activity.purchases().stream().map(ActivityDocuments::purchase).toList())
                .append("earlier", earlier(activity.earlier()))
                .append("purchaseDays", activity.purchaseDays().stream().map(LocalDate::toString).toList())
                .append("droppedPurchaseDays", activity.droppedPurchaseDays())
                .append("segments", activity.segments().stream().map(ActivityDocuments::segment).toList())
                .append("segmentChangeIds", activity.segmentChangeIds())
                .append("feedback", activity.feedback().stream().map(ActivityDocuments::feedback).toList())
                .append("firstPurchaseAt", date(figures.firstPurchaseAt()))
                .append("lastPurchaseAt", date(figures.lastPurchaseAt()))
                .append("purchaseCount", figures.purchaseCount())
                .append("purchaseDayCount", figures.purchaseDays())
                .append("monetary", decimal(figures.monetary()));
    }

    static CustomerActivity toActivity(Document document) {
        String customerId = document.getString(ID);
        List<PurchaseFact> purchases = new ArrayList<>();
        for (Document fact : document.getList("purchases", Document.class, List.of())) {
            purchases.add(new PurchaseFact(fact.getString("eventId"), customerId,
                    PurchaseKind.valueOf(fact.getString("kind")), Instant.parse(fact.getString("occurredAt")),
                    money(fact, "amount"), fact.getString("currency")));
        }
        List<LocalDate> days = document.getList("purchaseDays", String.class, List.of()).stream()
                .map(LocalDate::parse).toList();
        List<SegmentClass> segments = document.getList("segments", Document.class, List.of()).stream()
                .map(segment -> new SegmentClass(segment.getString("key"), segment.getString("class"),
                        number(segment, "definitionVersion"), instant(segment.getString("since")),
                        segment.getString("eventId")))
                .toList();
        List<FeedbackFact> feedback = document.getList("feedback", Document.class, List.of()).stream()
                .map(fact -> new FeedbackFact(fact.getString("eventId"), customerId,
                        FeedbackKind.valueOf(fact.getString("kind")), Instant.parse(fact.getString("occurredAt")),
                        fact.getInteger("score"), fact.getString("sentiment") == null ? null
                        : Sentiment.valueOf(fact.getString("sentiment")), fact.getString("severity") == null ? null
                        : ComplaintSeverity.valueOf(fact.getString("severity"))))
                .toList();
        return CustomerActivity.restore(customerId, number(document, VERSION), purchases,
                earlier(document.get("earlier", Document.class)), days, number(document, "droppedPurchaseDays"),
                segments, document.getList("segmentChangeIds", String.class, List.of()),
                document.getString("reportingCurrency"), feedback);
    }

    private static Document purchase(PurchaseFact fact) {
        return new Document("eventId", fact.eventId())
                .append("kind", fact.kind().name())
                .append("occurredAt", fact.occurredAt().toString())
                .append("amount", decimal(fact.amount()))
                .append("currency", fact.currency());
    }

    /** Kind, time, score, sentiment and severity: never the feedback's text. */
    private static Document feedback(FeedbackFact fact) {
        return new Document("eventId", fact.eventId())
                .append("kind", fact.kind().name())
                .append("occurredAt", fact.occurredAt().toString())
                .append("score", fact.score())
                .append("sentiment", fact.sentiment() == null ? null : fact.sentiment().name())
                .append("severity", fact.severity() == null ? null : fact.severity().name());
    }

    private static Document segment(SegmentClass segment) {
        return new Document("key", segment.key())
                .append("class", segment.className())
                .append("definitionVersion", segment.definitionVersion())
                .append("since", segment.since() == null ? null : segment.since().toString())
                .append("eventId", segment.eventId());
    }

    private static Document earlier(EarlierPurchases earlier) {
        return new Document("throughDay", earlier.throughDay() == null ? null : earlier.throughDay().toString())
                .append("purchases", earlier.purchases())
                .append("refunds", earlier.refunds())
                .append("monetary", decimal(earlier.monetary()))
                .append("firstPurchaseAt", text(earlier.firstPurchaseAt()))
                .append("lastPurchaseAt", text(earlier.lastPurchaseAt()));
    }

    private static EarlierPurchases earlier(Document earlier) {
        if (earlier == null) {
            return EarlierPurchases.NONE;
        }
        String throughDay = earlier.getString("throughDay");
        return new EarlierPurchases(throughDay == null ? null : LocalDate.parse(throughDay),
                number(earlier, "purchases"), number(earlier, "refunds"), money(earlier, "monetary"),
                instant(earlier.getString("firstPurchaseAt")), instant(earlier.getString("lastPurchaseAt")));
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static Decimal128 decimal(BigDecimal amount) {
        return amount == null ? null : new Decimal128(amount);
    }

    private static BigDecimal money(Document document, String field) {
        Decimal128 value = document.get(field, Decimal128.class);
        return value == null ? null : value.bigDecimalValue();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
