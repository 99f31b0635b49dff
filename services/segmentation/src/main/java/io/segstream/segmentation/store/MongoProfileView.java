package io.segstream.segmentation.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.ProfileQueries;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.segstream.segmentation.store.ProfileDocuments.ID;

/**
 * Reads of the {@code profiles} collection, the view the stream writes behind ({@link ProfileViewWriter}): one
 * document per customer, {@code _id} = customerId. Index {@code segment_class} ({@code segments.key},
 * {@code segments.class}) for sizes and members.
 */
@Component
class MongoProfileView implements ProfileQueries {
    private static final Logger log = LoggerFactory.getLogger(MongoProfileView.class);

    private final MongoCollection<Document> profiles;
    private volatile boolean indexed;

    MongoProfileView(MongoTemplate mongo) {
        this.profiles = mongo.getCollection(ProfileDocuments.COLLECTION);
        ensureIndexes();
    }

    @Override
    public Optional<CustomerProfile> find(String customerId) {
        return Optional.ofNullable(profiles.find(Filters.eq(ID, customerId)).first())
                .map(ProfileDocuments::toProfile);
    }

    @Override
    public long delete(String customerId) {
        return profiles.deleteOne(Filters.eq(ID, customerId)).getDeletedCount();
    }

    @Override
    public long countIn(String key, String className) {
        ensureIndexes();
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
        return profiles.estimatedDocumentCount();
    }

    private static Bson inClass(String key, String className) {
        return Filters.elemMatch(ProfileDocuments.SEGMENTS, Filters.and(Filters.eq("key", key),
                Filters.eq("class", className)));
    }

    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        try {
            // Segment sizes and members: which customers are in a class of a definition.
            profiles.createIndex(Indexes.ascending(ProfileDocuments.SEGMENTS + ".key", ProfileDocuments.SEGMENTS
                    + ".class"), new IndexOptions().name("segment_class"));
            indexed = true;
        } catch (MongoException e) {
            // MongoDB not reachable yet: the next count creates it.
            log.warn("could not create the profiles indexes yet ({})", e.getClass().getSimpleName());
        }
    }
}
