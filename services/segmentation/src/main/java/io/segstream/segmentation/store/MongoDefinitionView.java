package io.segstream.segmentation.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.DefinitionKind;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Segment definitions in the collection {@code segmentDefinitions}, one immutable document per version, {@code _id}
 * = "key:version": a view of segstream.segmentation.definitions (the versions' store since definitions became a
 * topic) for mongosh users, written behind as versions are read, and the store the versions are copied over from on
 * the first start after that change.
 */
@Component
public class MongoDefinitionView {
    static final String COLLECTION = "segmentDefinitions";

    private final MongoCollection<Document> definitions;

    MongoDefinitionView(MongoTemplate mongo) {
        this.definitions = mongo.getCollection(COLLECTION);
    }

    /** Every stored version, oldest first per key. */
    public List<SegmentDefinition> versions() {
        List<SegmentDefinition> versions = new ArrayList<>();
        for (Document document : definitions.find().sort(Sorts.ascending("key", "version"))) {
            versions.add(toDefinition(document));
        }
        return versions;
    }

    /** Adds a version to the view; one that is there already (versions never change) is left as it is. */
    public void save(SegmentDefinition version) {
        try {
            definitions.insertOne(toDocument(version));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
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
                // Who stored this version and when: the audit log has the same, this travels with it.
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
