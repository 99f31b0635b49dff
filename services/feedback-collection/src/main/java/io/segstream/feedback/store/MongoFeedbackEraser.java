package io.segstream.feedback.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.runtime.erasure.CustomerDataEraser;
import io.segstream.runtime.outbox.Outbox;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Erases a customer from this service: every feedback document of the customer goes (with its free text, its
 * de-duplication key — the document's {@code _id} — and its outbox entry, which live in the same document), and the
 * customer's id is cleared where another customer's referral names it as {@code referredCustomerId}, in the view and
 * in a payload still waiting in the outbox. Nothing else in the service database is keyed by a customer (the audit
 * log keeps who erased whom and when; the runtime's tombstone keeps the id and the instant, to drop old events).
 * <p>
 * Bounded by the erasure instant E of the tombstone (written before any eraser runs): a document goes when it was
 * recorded at or before E or its event occurred at or before E. So the first pass removes everything held, and the
 * runtime's second pass (30 s later) removes what an in-flight batch wrote of old events, without touching the events
 * that occurred after the erasure, which the erasure policy accepts as a new relationship. Without a tombstone
 * (never in the runtime's flow) everything of the customer goes. Idempotent.
 */
public class MongoFeedbackEraser implements CustomerDataEraser {
    /** Count key of the referrals whose referredCustomerId was cleared (a name without dots: it is stored in audit). */
    public static final String REFERRALS_CLEARED = "feedbackReferralsCleared";
    private static final String PAYLOAD = Outbox.FIELD + ".payload";

    private final MongoCollection<Document> collection;
    public MongoFeedbackEraser(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    @Override
    public Map<String, Long> erase(String customerId, Instant erasedAt) {
        Bson before = beforeErasure(erasedAt);
        long deleted = collection.deleteMany(Filters.and(Filters.eq("customerId", customerId), before))
                .getDeletedCount();
        List<Document> referrals = collection.find(Filters.and(Filters.eq("referredCustomerId", customerId), before))
                .projection(Projections.include(PAYLOAD)).into(new ArrayList<>());
        long cleared = 0;
        for (Document referral : referrals) {
            List<Bson> updates = new ArrayList<>(List.of(Updates.set("referredCustomerId", null)));
            Document outbox = referral.get(Outbox.FIELD, Document.class);
            String payload = outbox == null ? null : outbox.getString("payload");
            if (payload != null) {
                // Not published yet: the relay would otherwise publish the erased id later.
                updates.add(Updates.set(PAYLOAD, ContractJson.mapper().writeValueAsString(
                        withoutReferred(ContractJson.mapper().readValue(payload, FeedbackRecorded.class)))));
            }
            cleared += collection.updateOne(Filters.eq("_id", referral.get("_id")), Updates.combine(updates))
                    .getModifiedCount();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(MongoFeedbackLedger.COLLECTION, deleted);
        counts.put(REFERRALS_CLEARED, cleared);
        return counts;
    }

    private static Bson beforeErasure(Instant erasure) {
        if (erasure == null) {
            return new Document();
        }
        Date at = Date.from(erasure);
        return Filters.or(Filters.lte("recordedAt", at), Filters.lte("occurredAt", at));
    }

    static FeedbackRecorded withoutReferred(FeedbackRecorded e) {
        return new FeedbackRecorded(e.eventId(), e.kind(), e.customerId(), e.occurredAt(), e.score(), e.text(),
                e.orderId(), e.channel(), e.topics(), null, e.severity(), e.source(), e.recordedAt(), e.sentiment());
    }
}
