package io.segstream.segmentation.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.segstream.segmentation.domain.ConcurrentProfileUpdate;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.ProfileQueries;
import io.segstream.segmentation.domain.ProfileStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.segstream.segmentation.store.ProfileDocuments.ID;
import static io.segstream.segmentation.store.ProfileDocuments.PENDING_CHANGES;
import static io.segstream.segmentation.store.ProfileDocuments.PENDING_SINCE;
import static io.segstream.segmentation.store.ProfileDocuments.UPDATED_AT;
import static io.segstream.segmentation.store.ProfileDocuments.VERSION;

/**
 * Profiles in the MongoDB collection {@code profiles}, one document per customer ({@code _id} = customerId) with a
 * {@code version} for optimistic writes. No transactions are needed: every write touches one document.
 *
 * <p>Indexes: {@code _id}; {@code pendingSince} (sparse: set only while a document holds unpublished changes), for
 * the change relay.
 */
@Component
class MongoProfileStore implements ProfileStore, ProfileQueries {
    private static final Logger log = LoggerFactory.getLogger(MongoProfileStore.class);

    private final MongoCollection<Document> profiles;
    private final Clock clock;
    private volatile boolean indexed;

    MongoProfileStore(MongoTemplate mongo, Clock clock) {
        this.profiles = mongo.getCollection(ProfileDocuments.COLLECTION);
        this.clock = clock;
        ensureIndexes();
    }

    @Override
    public Map<String, CustomerProfile> findAll(Collection<String> customerIds) {
        Map<String, CustomerProfile> found = new HashMap<>();
        for (Document document : profiles.find(Filters.in(ID, customerIds))) {
            CustomerProfile profile = ProfileDocuments.toProfile(document);
            found.put(profile.customerId(), profile);
        }
        return found;
    }

    @Override
    public Optional<CustomerProfile> find(String customerId) {
        return Optional.ofNullable(profiles.find(Filters.eq(ID, customerId)).first())
                .map(ProfileDocuments::toProfile);
    }

    @Override
    public long delete(String customerId) {
        // A writer that read the profile before this delete finds its version gone and retries (re-reading).
        return profiles.deleteOne(Filters.eq(ID, customerId)).getDeletedCount();
    }

    @Override
    public void saveAll(Collection<CustomerProfile> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        int replacements = 0;
        for (CustomerProfile profile : changed) {
            if (profile.isStored() && !profile.factsChangedSinceRead()) {
                writes.add(new UpdateOneModel<>(atVersion(profile), classesOnly(profile, now)));
                replacements++;
                continue;
            }
            Document document = ProfileDocuments.toDocument(profile)
                    .append(VERSION, profile.version() + 1)
                    .append(UPDATED_AT, now);
            if (profile.hasPendingChanges()) {
                // Restamped on every write: a profile written recently is published by its own writer, not the relay.
                document.append(PENDING_SINCE, now);
            }
            if (profile.isStored()) {
                writes.add(new ReplaceOneModel<>(atVersion(profile), document));
                replacements++;
            } else {
                writes.add(new InsertOneModel<>(document));
            }
        }
        BulkWriteResult result;
        try {
            result = profiles.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            throw new ConcurrentProfileUpdate(e.getWriteErrors().size() + " new profiles were created concurrently");
        }
        if (result.getMatchedCount() < replacements) {
            throw new ConcurrentProfileUpdate((replacements - result.getMatchedCount())
                    + " profiles were changed concurrently");
        }
    }

    /**
     * The write of a profile whose facts are as read (a re-evaluation, a sweep): the fields a whole-document write
     * would change and nothing else, so the customer's history is neither sent nor re-encoded (most of a profile's
     * size, and most of a re-evaluation's time in encoding).
     */
    private static Bson classesOnly(CustomerProfile profile, Date now) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set(ProfileDocuments.SEGMENTS, ProfileDocuments.segments(profile)),
                Updates.set(PENDING_CHANGES, ProfileDocuments.pendingChanges(profile.pendingChanges())),
                Updates.set(VERSION, profile.version() + 1),
                Updates.set(UPDATED_AT, now)));
        updates.add(profile.hasPendingChanges() ? Updates.set(PENDING_SINCE, now) : Updates.unset(PENDING_SINCE));
        updates.add(profile.nextReevaluationAt() == null ? Updates.unset(ProfileDocuments.NEXT_REEVALUATION_AT)
                : Updates.set(ProfileDocuments.NEXT_REEVALUATION_AT, Date.from(profile.nextReevaluationAt())));
        return Updates.combine(updates);
    }

    @Override
    public Set<String> clearPendingChanges(Collection<CustomerProfile> withPending) {
        if (withPending.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(withPending.size());
        for (CustomerProfile profile : withPending) {
            writes.add(new UpdateOneModel<>(atVersion(profile), Updates.combine(
                    Updates.set(PENDING_CHANGES, List.of()),
                    Updates.unset(PENDING_SINCE),
                    Updates.set(VERSION, profile.version() + 1))));
        }
        BulkWriteResult result = profiles.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        Set<String> cleared = new HashSet<>();
        if (result.getMatchedCount() == withPending.size()) {
            withPending.forEach(profile -> cleared.add(profile.customerId()));
            return cleared;
        }
        // Some were rewritten meanwhile, and a bulk result does not say which: read the versions back (one query).
        Map<String, Long> expected = new HashMap<>();
        withPending.forEach(profile -> expected.put(profile.customerId(), profile.version() + 1));
        for (Document document : profiles.find(Filters.in(ID, expected.keySet()))) {
            Number version = document.get(VERSION, Number.class);
            boolean noPending = document.getList(PENDING_CHANGES, Document.class, List.of()).isEmpty();
            String id = document.getString(ID);
            if (version != null && version.longValue() == expected.get(id) && noPending) {
                cleared.add(id);
            }
        }
        return cleared;
    }

    @Override
    public List<CustomerProfile> withPendingChangesSince(Instant cutoff, int limit) {
        ensureIndexes();
        List<CustomerProfile> due = new ArrayList<>();
        for (Document document : profiles.find(Filters.lte(PENDING_SINCE, Date.from(cutoff)))
                .sort(Sorts.ascending(PENDING_SINCE)).limit(limit)) {
            due.add(ProfileDocuments.toProfile(document));
        }
        return due;
    }

    @Override
    public List<CustomerProfile> dueForReevaluation(Instant asOf, int limit) {
        ensureIndexes();
        List<CustomerProfile> due = new ArrayList<>();
        for (Document document : profiles.find(Filters.lte(ProfileDocuments.NEXT_REEVALUATION_AT, Date.from(asOf)))
                .sort(Sorts.ascending(ProfileDocuments.NEXT_REEVALUATION_AT)).limit(limit)) {
            due.add(ProfileDocuments.toProfile(document));
        }
        return due;
    }

    @Override
    public long countIn(String key, String className) {
        return profiles.countDocuments(inClass(key, className));
    }

    @Override
    public List<String> membersOf(String key, String className, int page, int size) {
        List<String> ids = new ArrayList<>();
        for (Document document : profiles.find(inClass(key, className)).projection(Projections.include(ID))
                .sort(Sorts.ascending(ID)).skip(page * size).limit(size)) {
            ids.add(document.getString(ID));
        }
        return ids;
    }

    @Override
    public List<CustomerProfile> profilesAfter(String afterId, int limit) {
        List<CustomerProfile> page = new ArrayList<>();
        Bson filter = afterId == null ? new Document() : Filters.gt(ID, afterId);
        for (Document document : profiles.find(filter).sort(Sorts.ascending(ID)).limit(limit)) {
            page.add(ProfileDocuments.toProfile(document));
        }
        return page;
    }

    @Override
    public long countProfiles() {
        // The collection's count, not a counting scan (the progress total of a re-evaluation).
        return profiles.estimatedDocumentCount();
    }

    private static Bson inClass(String key, String className) {
        return Filters.elemMatch(ProfileDocuments.SEGMENTS, Filters.and(Filters.eq("key", key),
                Filters.eq("class", className)));
    }

    private static Bson atVersion(CustomerProfile profile) {
        return Filters.and(Filters.eq(ID, profile.customerId()), Filters.eq(VERSION, profile.version()));
    }

    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        try {
            profiles.createIndex(Indexes.ascending(PENDING_SINCE), new IndexOptions().name("pending_since").sparse(true));
            // The sweep: customers whose classes can change with the clock, by the instant they can.
            profiles.createIndex(Indexes.ascending(ProfileDocuments.NEXT_REEVALUATION_AT),
                    new IndexOptions().name("next_reevaluation").sparse(true));
            // Segment sizes and members: which customers are in a class of a definition.
            profiles.createIndex(Indexes.ascending(ProfileDocuments.SEGMENTS + ".key", ProfileDocuments.SEGMENTS
                    + ".class"), new IndexOptions().name("segment_class"));
            indexed = true;
        } catch (MongoException e) {
            // MongoDB not reachable yet: the relay creates it on a later pass.
            log.warn("could not create the profiles indexes yet ({})", e.getClass().getSimpleName());
        }
    }
}
