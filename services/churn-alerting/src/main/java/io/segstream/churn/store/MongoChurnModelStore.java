package io.segstream.churn.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.segstream.churn.domain.ChurnModelStore;
import io.segstream.churn.domain.ModelFit;
import io.segstream.churn.domain.model.BgNbdParameters;
import io.segstream.churn.domain.model.FittedModel;
import io.segstream.churn.domain.model.ModelTimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Fitted models in the MongoDB collection {@code churn_model}: one document per fit (the history), the latest being
 * the one with the newest {@code fittedAt} (index {@code fitted_at}, descending). Parameters are stored with their
 * time unit.
 */
@Component
class MongoChurnModelStore implements ChurnModelStore {
    static final String COLLECTION = "churn_model";
    private static final Logger log = LoggerFactory.getLogger(MongoChurnModelStore.class);
    private static final String FITTED_AT = "fittedAt";

    private final MongoCollection<Document> models;

    MongoChurnModelStore(MongoTemplate mongo) {
        this.models = mongo.getCollection(COLLECTION);
        try {
            models.createIndex(Indexes.descending(FITTED_AT), new IndexOptions().name("fitted_at"));
        } catch (RuntimeException e) {
            // MongoDB not reachable yet: the index only speeds up reading the latest of a long history.
            log.warn("could not create the churn_model index ({})", e.getClass().getSimpleName());
        }
    }

    @Override
    public void save(ModelFit fit) {
        models.insertOne(toDocument(fit).append("_id", UUID.randomUUID().toString()));
    }

    @Override
    public Optional<ModelFit> latest() {
        return Optional.ofNullable(models.find().sort(Sorts.descending(FITTED_AT)).limit(1).first())
                .map(MongoChurnModelStore::toFit);
    }

    static Document toDocument(ModelFit fit) {
        FittedModel model = fit.fitted();
        BgNbdParameters p = model.parameters();
        return new Document("parameters", new Document("r", p.r()).append("alpha", p.alpha()).append("a", p.a())
                .append("b", p.b()).append("timeUnit", p.unit().name()))
                .append("logLikelihood", model.logLikelihood())
                .append("customers", model.customers())
                .append("distinctSummaries", model.distinctSummaries())
                .append("iterations", model.iterations())
                .append("evaluations", model.evaluations())
                .append("fitDurationNanos", model.fitDuration().toNanos())
                .append("asOf", model.asOf().toString())
                .append(FITTED_AT, Date.from(fit.fittedAt()))
                .append("fittedAtExact", fit.fittedAt().toString());
    }

    static ModelFit toFit(Document document) {
        Document p = document.get("parameters", Document.class);
        BgNbdParameters parameters = new BgNbdParameters(p.getDouble("r"), p.getDouble("alpha"), p.getDouble("a"),
                p.getDouble("b"), ModelTimeUnit.valueOf(p.getString("timeUnit")));
        FittedModel fitted = new FittedModel(parameters, document.getDouble("logLikelihood"),
                document.get("customers", Number.class).longValue(),
                document.get("distinctSummaries", Number.class).intValue(),
                document.get("iterations", Number.class).intValue(),
                document.get("evaluations", Number.class).intValue(),
                Duration.ofNanos(document.get("fitDurationNanos", Number.class).longValue()),
                Instant.parse(document.getString("asOf")));
        return new ModelFit(fitted, Instant.parse(document.getString("fittedAtExact")));
    }
}
