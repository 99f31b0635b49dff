package io.segstream.segmentation.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.segstream.segmentation.domain.Recomputation;
import io.segstream.segmentation.domain.RecomputationLog;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.Optional;

/** Re-evaluation progress in the collection {@code recomputations}, one document per run, replaced per page. */
@Component
class MongoRecomputationLog implements RecomputationLog {
    private final MongoCollection<Document> runs;

    MongoRecomputationLog(MongoTemplate mongo) {
        this.runs = mongo.getCollection("recomputations");
    }

    @Override
    public void save(Recomputation run) {
        Document document = new Document("_id", run.id())
                .append("key", run.key())
                .append("definitionVersion", run.definitionVersion())
                .append("status", run.status())
                .append("total", run.total())
                .append("done", run.done())
                .append("changes", run.changes())
                .append("startedAt", Date.from(run.startedAt()))
                .append("finishedAt", run.finishedAt() == null ? null : Date.from(run.finishedAt()));
        runs.replaceOne(Filters.eq("_id", run.id()), document, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<Recomputation> find(String id) {
        return Optional.ofNullable(runs.find(Filters.eq("_id", id)).first()).map(document -> {
            Date finished = document.getDate("finishedAt");
            return new Recomputation(document.getString("_id"), document.getString("key"),
                    document.get("definitionVersion", Number.class).longValue(), document.getString("status"),
                    document.get("total", Number.class).longValue(), document.get("done", Number.class).longValue(),
                    document.get("changes", Number.class).longValue(), document.getDate("startedAt").toInstant(),
                    finished == null ? null : finished.toInstant());
        });
    }
}
