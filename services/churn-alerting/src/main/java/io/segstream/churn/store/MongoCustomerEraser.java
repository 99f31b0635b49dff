package io.segstream.churn.store;

import com.mongodb.client.model.Filters;
import io.segstream.runtime.erasure.CustomerDataEraser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Erases a customer from churn-alerting (called by service-runtime's erasure listener after it wrote the tombstone):
 * her activity document in {@code customer_activity} (purchase facts, purchase days, segment classes, feedback facts)
 * and her alert document in {@code customer_alerts} (current alert with its scores, cooldown, next check, unpublished
 * messages, counts). Those are the only per-customer documents the service keeps: risk scores are computed on
 * request, {@code churn_model} holds population parameters only, and the audit entries of alert actions name the
 * alert id, not the customer. Idempotent: a second call deletes nothing and returns zeros.
 */
@Component
class MongoCustomerEraser implements CustomerDataEraser {
    private final MongoTemplate mongo;

    MongoCustomerEraser(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Long> erase(String customerId, Instant erasedAt) {
        Map<String, Long> removed = new LinkedHashMap<>();
        // Activity first: a sweep or listener review that meets the erasure half-way finds no activity and so writes
        // no alert document (what one in flight still writes, the second erasure pass removes).
        removed.put(MongoActivityStore.COLLECTION, deleteById(MongoActivityStore.COLLECTION, customerId));
        removed.put(MongoAlertStore.COLLECTION, deleteById(MongoAlertStore.COLLECTION, customerId));
        return removed;
    }

    private long deleteById(String collection, String customerId) {
        return mongo.getCollection(collection).deleteMany(Filters.eq("_id", customerId)).getDeletedCount();
    }
}
