package io.segstream.churn.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import io.segstream.churn.domain.ActivityPolicy;
import io.segstream.churn.domain.ActivityStore;
import io.segstream.churn.domain.ConcurrentActivityUpdate;
import io.segstream.churn.domain.CustomerActivity;
import io.segstream.churn.domain.Population;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.segstream.churn.store.ActivityDocuments.ID;
import static io.segstream.churn.store.ActivityDocuments.UPDATED_AT;
import static io.segstream.churn.store.ActivityDocuments.VERSION;

/**
 * Customer activities in the MongoDB collection {@code customer_activity}, one document per customer
 * ({@code _id} = customerId) with a {@code version} for optimistic writes; every write touches one document, so no
 * transaction is needed. The population scan for the model fit reads only {@code purchaseDays}, streaming. Index:
 * {@code _id} only (the alert sweep's next-check index is on the watches, {@link MongoAlertStore}).
 */
@Component
class MongoActivityStore implements ActivityStore, Population {
    static final String COLLECTION = "customer_activity";
    /** Documents per round trip of the population scan: small documents (dates only), few round trips. */
    private static final int POPULATION_BATCH = 5000;

    private final MongoCollection<Document> activities;
    private final ActivityPolicy policy;
    private final Clock clock;

    MongoActivityStore(MongoTemplate mongo, ActivityPolicy policy, Clock clock) {
        this.activities = mongo.getCollection(COLLECTION);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Map<String, CustomerActivity> findAll(Collection<String> customerIds) {
        Map<String, CustomerActivity> found = new HashMap<>();
        for (Document document : activities.find(Filters.in(ID, customerIds))) {
            CustomerActivity activity = ActivityDocuments.toActivity(document);
            found.put(activity.customerId(), activity);
        }
        return found;
    }

    @Override
    public Optional<CustomerActivity> find(String customerId) {
        return Optional.ofNullable(activities.find(Filters.eq(ID, customerId)).first())
                .map(ActivityDocuments::toActivity);
    }

    @Override
    public void saveAll(Collection<CustomerActivity> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        int replacements = 0;
        for (CustomerActivity activity : changed) {
            Document document = ActivityDocuments.toDocument(activity, activity.figures(policy))
                    .append(VERSION, activity.version() + 1)
                    .append(UPDATED_AT, now);
            if (activity.isStored()) {
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq(ID, activity.customerId()),
                        Filters.eq(VERSION, activity.version())), document));
                replacements++;
            } else {
                writes.add(new InsertOneModel<>(document));
            }
        }
        BulkWriteResult result;
        try {
            result = activities.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            throw new ConcurrentActivityUpdate(e.getWriteErrors().size() + " activities were created concurrently");
        }
        if (result.getMatchedCount() < replacements) {
            throw new ConcurrentActivityUpdate((replacements - result.getMatchedCount())
                    + " activities were changed concurrently");
        }
    }

    @Override
    public long size() {
        // The collection's count, not a counting scan: a threshold check does not need it exact to the document.
        return activities.estimatedDocumentCount();
    }

    @Override
    public void forEachPurchaseDays(Consumer<Collection<LocalDate>> customer) {
        for (Document document : activities.find().projection(Projections.include("purchaseDays"))
                .batchSize(POPULATION_BATCH)) {
            customer.accept(document.getList("purchaseDays", String.class, List.of()).stream()
                    .map(LocalDate::parse).toList());
        }
    }
}
