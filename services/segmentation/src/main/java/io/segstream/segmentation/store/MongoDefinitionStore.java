package io.segstream.segmentation.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.ConcurrentDefinitionChange;
import io.segstream.segmentation.domain.DefinitionKind;
import io.segstream.segmentation.domain.DefinitionStore;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Segment definitions in the collection {@code segmentDefinitions}: one immutable document per version,
 * {@code _id} = "key:version", so two writers of the same next version collide on the id instead of both winning.
 * The current definition of a key is its highest version. Few documents: the current set is read whole.
 */
@Component
class MongoDefinitionStore implements DefinitionStore {
    static final String COLLECTION = "segmentDefinitions";
    /** The changedBy of the default catalogue's versions: seeded by the service itself. */
    static final String SEEDED_BY = "system";

    private final MongoCollection<Document> definitions;
    private final Clock clock;

    MongoDefinitionStore(MongoTemplate mongo, Clock clock) {
        this.definitions = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public List<SegmentDefinition> current() {
        Map<String, SegmentDefinition> newest = new LinkedHashMap<>();
        for (Document document : definitions.find().sort(Sorts.ascending("key", "version"))) {
            SegmentDefinition definition = toDefinition(document);
            newest.merge(definition.key(), definition, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return List.copyOf(newest.values());
    }

    @Override
    public Optional<SegmentDefinition> current(String key) {
        return Optional.ofNullable(definitions.find(Filters.eq("key", key)).sort(Sorts.descending("version"))
                .limit(1).first()).map(MongoDefinitionStore::toDefinition);
    }

    @Override
    public SegmentDefinition saveNewVersion(SegmentDefinition definition) {
        long next = current(definition.key()).map(SegmentDefinition::version).orElse(0L) + 1;
        // BSON dates hold milliseconds: the answer to the PUT says exactly what a later read says.
        SegmentDefinition stored = definition.withVersion(next, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            definitions.insertOne(toDocument(stored));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new ConcurrentDefinitionChange("version " + next + " of " + definition.key()
                        + " was stored concurrently");
            }
            throw e;
        }
        return stored;
    }

    @Override
    public void seed(List<SegmentDefinition> seeds) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (SegmentDefinition seed : seeds) {
            if (current(seed.key()).isPresent()) {
                continue;
            }
            try {
                definitions.insertOne(toDocument(seed.changedBy(seed.changedBy() == null ? SEEDED_BY
                        : seed.changedBy()).withVersion(1, now)));
            } catch (MongoWriteException e) {
                // Another instance seeded it first: the same default, so nothing to do.
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    private static Document toDocument(SegmentDefinition definition) {
        return new Document("_id", definition.key() + ":" + definition.version())
                .append("key", definition.key())
                .append("version", definition.version())
                .append("kind", definition.kind().name())
                .append("description", definition.description())
                .append("classes", definition.classes().stream()
                        .map(rule -> new Document("name", rule.name()).append("when", rule.when())).toList())
                .append("expression", definition.expression())
                .append("createdAt", Date.from(definition.createdAt()))
                // Who stored this version and when (issue 7): the audit log has the same, this travels with it.
                .append("changedBy", definition.changedBy())
                .append("changedAt", definition.changedAt() == null ? null : Date.from(definition.changedAt()));
    }

    private static SegmentDefinition toDefinition(Document document) {
        List<ClassRule> classes = new ArrayList<>();
        for (Document rule : document.getList("classes", Document.class, List.of())) {
            classes.add(new ClassRule(rule.getString("name"), rule.getString("when")));
        }
        Date createdAt = document.getDate("createdAt");
        Date changedAt = document.getDate("changedAt");
        return new SegmentDefinition(document.getString("key"), DefinitionKind.valueOf(document.getString("kind")),
                document.getString("description"), classes, document.getString("expression"),
                document.get("version", Number.class).longValue(), createdAt == null ? null : createdAt.toInstant(),
                document.getString("changedBy"), changedAt == null ? null : changedAt.toInstant());
    }
}
