package io.segstream.segmentation.store;

import io.segstream.segmentation.domain.CategoryShare;
import io.segstream.segmentation.domain.CurrentClass;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefinitionKind;
import io.segstream.segmentation.domain.EarlierFeedback;
import io.segstream.segmentation.domain.EarlierHistory;
import io.segstream.segmentation.domain.FeedbackFact;
import io.segstream.segmentation.domain.FeedbackKind;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code profiles} document of a customer (the view the stream writes behind) and back. Embedded instants are
 * ISO-8601 strings, not BSON dates: a date keeps only milliseconds, and the view shows exactly the event times the
 * state holds. Only {@code updatedAt} and {@code nextReevaluationAt} are BSON dates. Money is Decimal128.
 */
public final class ProfileDocuments {
    /** The collection the profiles are kept in, one document per customer. */
    public static final String COLLECTION = "profiles";
    static final String ID = "_id";
    public static final String VERSION = "version";
    public static final String UPDATED_AT = "updatedAt";
    static final String PURCHASES = "purchases";
    static final String EARLIER = "earlier";
    static final String SEGMENTS = "segments";
    public static final String NEXT_REEVALUATION_AT = "nextReevaluationAt";
    static final String FEEDBACK = "feedback";
    static final String EARLIER_FEEDBACK = "earlierFeedback";
    static final String REPORTING_CURRENCY = "reportingCurrency";

    private ProfileDocuments() {
    }

    /** The whole document of a profile, without the fields the store stamps (version, times). */
    public static Document toDocument(CustomerProfile profile) {
        Document document = new Document(ID, profile.customerId())
                .append(REPORTING_CURRENCY, profile.reportingCurrency())
                .append(PURCHASES, profile.purchases().stream().map(ProfileDocuments::purchase).toList())
                .append(EARLIER, earlier(profile.earlier()))
                .append(FEEDBACK, profile.feedback().stream().map(ProfileDocuments::feedback).toList())
                .append(EARLIER_FEEDBACK, earlierFeedback(profile.earlierFeedback()))
                .append(SEGMENTS, segments(profile));
        if (profile.nextReevaluationAt() != null) {
            // A BSON date: the sweep queries it (millisecond precision is plenty for a plan).
            document.append(NEXT_REEVALUATION_AT, java.util.Date.from(profile.nextReevaluationAt()));
        }
        return document;
    }

    /** The classes of a profile as stored. */
    static List<Document> segments(CustomerProfile profile) {
        return profile.classes().stream().map(ProfileDocuments::segment).toList();
    }

    public static CustomerProfile toProfile(Document document) {
        String customerId = document.getString(ID);
        List<PurchaseFact> purchases = new ArrayList<>();
        for (Document fact : document.getList(PURCHASES, Document.class, List.of())) {
            purchases.add(purchase(customerId, fact));
        }
        List<CurrentClass> classes = new ArrayList<>();
        for (Document segment : document.getList(SEGMENTS, Document.class, List.of())) {
            classes.add(segment(segment));
        }
        List<FeedbackFact> feedback = new ArrayList<>();
        for (Document fact : document.getList(FEEDBACK, Document.class, List.of())) {
            feedback.add(feedback(customerId, fact));
        }
        CustomerProfile profile = CustomerProfile.restore(customerId, number(document, VERSION), purchases,
                earlier(document.get(EARLIER, Document.class)), feedback,
                earlierFeedback(document.get(EARLIER_FEEDBACK, Document.class)), classes,
                document.getString(REPORTING_CURRENCY));
        java.util.Date next = document.getDate(NEXT_REEVALUATION_AT);
        profile.restoreNextReevaluationAt(next == null ? null : next.toInstant());
        return profile;
    }

    private static Document purchase(PurchaseFact fact) {
        return new Document("eventId", fact.eventId())
                .append("kind", fact.kind().name())
                .append("occurredAt", fact.occurredAt().toString())
                .append("amount", decimal(fact.amount()))
                .append("currency", fact.currency())
                .append("channel", fact.channel())
                .append("region", fact.region())
                .append("categories", fact.categories().stream()
                        .map(share -> new Document("category", share.category())
                                .append("share", decimal(share.share())))
                        .toList())
                .append("discountShare", decimal(fact.discountShare()));
    }

    private static PurchaseFact purchase(String customerId, Document fact) {
        List<CategoryShare> categories = fact.getList("categories", Document.class, List.of()).stream()
                .map(share -> new CategoryShare(share.getString("category"), money(share, "share")))
                .toList();
        return new PurchaseFact(fact.getString("eventId"), customerId, PurchaseKind.valueOf(fact.getString("kind")),
                instant(fact.getString("occurredAt")), money(fact, "amount"), fact.getString("currency"),
                fact.getString("channel"), fact.getString("region"), categories, money(fact, "discountShare"));
    }

    private static Document earlier(EarlierHistory earlier) {
        return new Document("throughDay", earlier.throughDay() == null ? null : earlier.throughDay().toString())
                .append("orders", earlier.orders())
                .append("refunds", earlier.refunds())
                .append("monetary", decimal(earlier.monetary()))
                .append("purchaseDays", earlier.purchaseDays())
                .append("firstPurchaseAt", text(earlier.firstPurchaseAt()))
                .append("lastPurchaseAt", text(earlier.lastPurchaseAt()));
    }

    private static EarlierHistory earlier(Document earlier) {
        if (earlier == null) {
            return EarlierHistory.NONE;
        }
        String throughDay = earlier.getString("throughDay");
        return new EarlierHistory(throughDay == null ? null : LocalDate.parse(throughDay),
                number(earlier, "orders"), number(earlier, "refunds"), money(earlier, "monetary"),
                number(earlier, "purchaseDays"), instant(earlier.getString("firstPurchaseAt")),
                instant(earlier.getString("lastPurchaseAt")));
    }

    private static Document feedback(FeedbackFact fact) {
        return new Document("eventId", fact.eventId())
                .append("kind", fact.kind().name())
                .append("occurredAt", fact.occurredAt().toString())
                .append("score", fact.score())
                .append("sentiment", fact.sentiment())
                .append("topics", fact.topics());
    }

    private static FeedbackFact feedback(String customerId, Document fact) {
        Number score = fact.get("score", Number.class);
        return new FeedbackFact(fact.getString("eventId"), customerId, FeedbackKind.valueOf(fact.getString("kind")),
                instant(fact.getString("occurredAt")), score == null ? null : score.intValue(),
                fact.getString("sentiment"), fact.getList("topics", String.class, List.of()));
    }

    private static Document earlierFeedback(EarlierFeedback earlier) {
        Document topics = new Document();
        earlier.topicCounts().forEach(topics::append);
        return new Document("throughAt", text(earlier.throughAt()))
                .append("npsResponses", earlier.npsResponses())
                .append("npsSum", earlier.npsSum())
                .append("npsLatest", earlier.npsLatest())
                .append("npsLatestAt", text(earlier.npsLatestAt()))
                .append("csatResponses", earlier.csatResponses())
                .append("csatSum", earlier.csatSum())
                .append("csatLatest", earlier.csatLatest())
                .append("csatLatestAt", text(earlier.csatLatestAt()))
                .append("reviews", earlier.reviews())
                .append("reviewSentimentSum", earlier.reviewSentimentSum())
                .append("complaints", earlier.complaints())
                .append("supportTickets", earlier.supportTickets())
                .append("referrals", earlier.referrals())
                .append("topicCounts", topics);
    }

    private static EarlierFeedback earlierFeedback(Document earlier) {
        if (earlier == null) {
            return EarlierFeedback.NONE;
        }
        Map<String, Long> topics = new LinkedHashMap<>();
        Document stored = earlier.get("topicCounts", Document.class);
        if (stored != null) {
            stored.forEach((topic, count) -> topics.put(topic, ((Number) count).longValue()));
        }
        Number npsLatest = earlier.get("npsLatest", Number.class);
        Number csatLatest = earlier.get("csatLatest", Number.class);
        return new EarlierFeedback(instant(earlier.getString("throughAt")), number(earlier, "npsResponses"),
                number(earlier, "npsSum"), npsLatest == null ? null : npsLatest.intValue(),
                instant(earlier.getString("npsLatestAt")), number(earlier, "csatResponses"),
                number(earlier, "csatSum"), csatLatest == null ? null : csatLatest.intValue(),
                instant(earlier.getString("csatLatestAt")), number(earlier, "reviews"),
                number(earlier, "reviewSentimentSum"), number(earlier, "complaints"),
                number(earlier, "supportTickets"), number(earlier, "referrals"), topics);
    }

    private static Document segment(CurrentClass current) {
        Document reason = new Document();
        current.reason().forEach((name, value) -> reason.append(name, value instanceof BigDecimal amount
                ? decimal(amount) : value));
        return new Document("kind", current.kind().name())
                .append("key", current.key())
                .append("class", current.className())
                .append("definitionVersion", current.definitionVersion())
                .append("since", text(current.since()))
                .append("causedBy", current.causedBy())
                .append("evaluatedAt", text(current.evaluatedAt()))
                .append("reason", reason);
    }

    private static CurrentClass segment(Document segment) {
        Map<String, Object> reason = new LinkedHashMap<>();
        Document stored = segment.get("reason", Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> reason.put(name, value instanceof Decimal128 amount
                    ? amount.bigDecimalValue() : value));
        }
        return new CurrentClass(segment.getString("key"), segment.getString("class"),
                number(segment, "definitionVersion"), instant(segment.getString("since")),
                segment.getString("causedBy"), instant(segment.getString("evaluatedAt")), reason,
                kind(segment.getString("kind")));
    }

    /** Documents written before audiences existed have no kind: they are dimensions. */
    private static DefinitionKind kind(String kind) {
        return kind == null ? DefinitionKind.DIMENSION : DefinitionKind.valueOf(kind);
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

    private static String text(Instant instant) {
        return instant == null ? null : IsoInstant.format(instant);
    }

    private static Instant instant(String text) {
        return text == null ? null : IsoInstant.parse(text);
    }
}
