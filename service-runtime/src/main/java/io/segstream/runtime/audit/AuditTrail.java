package io.segstream.runtime.audit;

import io.segstream.runtime.security.Actor;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The service's audit log (collection {@value #COLLECTION}): segment-definition changes, alert actions, model refits,
 * erasure requests and their execution. Entries are only ever added; an entry with a caller-chosen id is written
 * once however often it is recorded (a redelivered erasure is audited once).
 */
public class AuditTrail {
    public static final String COLLECTION = "audit_log";
    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records an action by the current principal ({@link Actor#current()}). */
    public AuditEntry record(String action, String subject, Map<String, Object> detail) {
        return record(UUID.randomUUID().toString(), Actor.current(), action, subject, detail);
    }

    /** Records an action once under {@code id}; later calls with the same id change nothing. */
    public AuditEntry record(String id, String actor, String action, String subject, Map<String, Object> detail) {
        Instant at = clock.instant();
        Document fields = new Document("at", java.util.Date.from(at))
                .append("actor", actor)
                .append("action", action)
                .append("subject", subject)
                .append("detail", new Document(detail));
        Update update = new Update();
        fields.forEach(update::setOnInsert);
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION);
        return new AuditEntry(id, at, actor, action, subject, Map.copyOf(detail));
    }

    /** The newest entries first, optionally of one action and one subject. */
    public List<AuditEntry> recent(String action, String subject, int limit) {
        Query query = new Query();
        if (action != null && !action.isBlank()) {
            query.addCriteria(Criteria.where("action").is(action));
        }
        if (subject != null && !subject.isBlank()) {
            query.addCriteria(Criteria.where("subject").is(subject));
        }
        query.with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(AuditTrail::entry).toList();
    }

    private static AuditEntry entry(Document doc) {
        Document detail = doc.get("detail", Document.class);
        Map<String, Object> values = new LinkedHashMap<>();
        if (detail != null) {
            detail.forEach(values::put);
        }
        java.util.Date at = doc.getDate("at");
        return new AuditEntry(String.valueOf(doc.get("_id")), at == null ? null : at.toInstant(),
                doc.getString("actor"), doc.getString("action"), doc.getString("subject"), values);
    }
}
