package io.segstream.feedback.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.segstream.contracts.Channel;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.feedback.domain.ChannelNpsTally;
import io.segstream.feedback.domain.FeedbackLedger;
import io.segstream.feedback.domain.FeedbackPage;
import io.segstream.feedback.domain.MatchedRule;
import io.segstream.feedback.domain.NpsCategory;
import io.segstream.feedback.domain.NpsTally;
import io.segstream.feedback.domain.RecordedFeedback;
import io.segstream.feedback.domain.Recording;
import io.segstream.feedback.domain.SentimentBasis;
import io.segstream.feedback.domain.StoreUnavailableException;
import io.segstream.feedback.domain.Understanding;
import io.segstream.runtime.outbox.Outbox;
import io.segstream.runtime.outbox.OutboxOutcome;
import io.segstream.runtime.outbox.OutboxRecord;
import io.segstream.runtime.outbox.OutboxUnavailableException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The feedback view in the {@value #COLLECTION} collection: one document per recorded event, {@code _id = eventId}
 * (the idempotency key, across HTTP, Kafka, instances and restarts), with the event's fields, how its text was
 * understood (topics, sentiment and its basis, polarity, the matched lexicon rules) and its NPS class, plus the
 * outbox state that gets feedback.recorded.v1 published (runtime {@link Outbox}). The document keeps the text; the
 * published event (and the outbox's copy of it) carries it only when {@code publishText} is set.
 * <p>
 * Indexes: {@code _id}; {@code customer_feedback {customerId: 1, occurredAt: -1, _id: -1}} for a customer's pages;
 * {@code nps_period {kind: 1, occurredAt: 1}} for the NPS roll-up; the outbox's own relay index.
 */
public class MongoFeedbackLedger implements FeedbackLedger {
    public static final String COLLECTION = "feedback";

    private static final Logger log = LoggerFactory.getLogger(MongoFeedbackLedger.class);

    private final MongoCollection<Document> collection;
    private final Outbox<FeedbackRecorded> outbox;
    private final boolean publishText;
    private volatile boolean indexed;

    /**
     * Creates the indexes (idempotent); when MongoDB is not reachable yet, the first use creates them.
     *
     * @param publishText whether feedback.recorded.v1 carries the free text (segstream.feedback.publish-text)
     */
    public MongoFeedbackLedger(MongoCollection<Document> collection, Outbox<FeedbackRecorded> outbox,
                               boolean publishText) {
        this.collection = collection;
        this.outbox = outbox;
        this.publishText = publishText;
        try {
            ensureIndexes();
        } catch (MongoException e) {
            log.warn("could not create the indexes of {} yet ({})", COLLECTION, e.getClass().getSimpleName());
        }
    }

    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("occurredAt"),
                Indexes.descending("_id")), new IndexOptions().name("customer_feedback"));
        collection.createIndex(Indexes.ascending("kind", "occurredAt"), new IndexOptions().name("nps_period"));
        indexed = true;
    }

    @Override
    public List<Recording> record(List<RecordedFeedback> feedback) {
        List<OutboxRecord<FeedbackRecorded>> records = new ArrayList<>(feedback.size());
        for (RecordedFeedback item : feedback) {
            FeedbackRecorded event = item.event();
            records.add(new OutboxRecord<>(event.eventId(), event.customerId(), event.occurredAt(),
                    item.published(publishText), FeedbackDocuments.view(item)));
        }
        List<OutboxOutcome> outcomes;
        try {
            ensureIndexes();
            outcomes = outbox.submit(records);
        } catch (OutboxUnavailableException | MongoException e) {
            throw new StoreUnavailableException("the feedback store is not available", e);
        }
        List<Recording> recordings = new ArrayList<>(outcomes.size());
        for (OutboxOutcome outcome : outcomes) {
            recordings.add(switch (outcome) {
                case PUBLISHED -> Recording.PUBLISHED;
                case PENDING -> Recording.PENDING;
                case DUPLICATE -> Recording.DUPLICATE;
            });
        }
        return recordings;
    }

    @Override
    public FeedbackPage ofCustomer(String customerId, int page, int size) {
        try {
            ensureIndexes();
            List<Document> documents = collection.find(Filters.eq("customerId", customerId))
                    .sort(Sorts.orderBy(Sorts.descending("occurredAt"), Sorts.descending("_id")))
                    .skip(page * size)
                    .limit(size + 1)
                    .into(new ArrayList<>());
            boolean hasMore = documents.size() > size;
            List<RecordedFeedback> items = documents.stream().limit(size).map(FeedbackDocuments::read).toList();
            return new FeedbackPage(items, page, size, hasMore);
        } catch (MongoException e) {
            throw new StoreUnavailableException("the feedback store is not available", e);
        }
    }

    /** One aggregation: NPS answers of the period, counted per (channel, NPS class). */
    @Override
    public List<ChannelNpsTally> npsTallies(Instant from, Instant to) {
        List<Bson> pipeline = List.of(
                Aggregates.match(Filters.and(Filters.eq("kind", FeedbackKind.NPS_SURVEY.name()),
                        Filters.gte("occurredAt", Date.from(from)), Filters.lt("occurredAt", Date.from(to)))),
                Aggregates.group(new Document("channel", "$channel").append("category", "$npsCategory"),
                        Accumulators.sum("count", 1)));
        Map<Channel, NpsTally> byChannel = new EnumMap<>(Channel.class);
        NpsTally unnamed = NpsTally.NONE;
        try {
            for (Document row : collection.aggregate(pipeline)) {
                Document id = row.get("_id", Document.class);
                String category = id.getString("category");
                if (category == null) {
                    continue;
                }
                long count = ((Number) row.get("count")).longValue();
                String channel = id.getString("channel");
                NpsCategory npsCategory = NpsCategory.valueOf(category);
                if (channel == null) {
                    unnamed = unnamed.plus(npsCategory, count);
                } else {
                    byChannel.merge(Channel.valueOf(channel), NpsTally.NONE.plus(npsCategory, count), NpsTally::plus);
                }
            }
        } catch (MongoException e) {
            throw new StoreUnavailableException("the feedback store is not available", e);
        }
        List<ChannelNpsTally> tallies = new ArrayList<>();
        byChannel.forEach((channel, tally) -> tallies.add(new ChannelNpsTally(channel, tally)));
        if (unnamed.responses() > 0) {
            tallies.add(new ChannelNpsTally(null, unnamed));
        }
        return tallies;
    }

    /** The mapping between {@link RecordedFeedback} and its document. */
    static final class FeedbackDocuments {
        private FeedbackDocuments() {
        }

        static Document view(RecordedFeedback item) {
            FeedbackRecorded e = item.event();
            Understanding u = item.understanding();
            List<Document> rules = u.matchedRules().stream().map(rule -> new Document("rule", rule.rule())
                    .append("term", rule.term())
                    .append("topics", rule.topics().stream().map(Enum::name).sorted().toList())
                    .append("weight", rule.weight())
                    .append("modifiers", rule.modifiers().stream().map(Enum::name).toList())).toList();
            NpsCategory category = item.npsCategory();
            return new Document("customerId", e.customerId())
                    .append("kind", e.kind().name())
                    .append("occurredAt", Date.from(e.occurredAt()))
                    .append("recordedAt", Date.from(e.recordedAt()))
                    .append("score", e.score())
                    .append("text", e.text())
                    .append("orderId", e.orderId())
                    .append("channel", name(e.channel()))
                    .append("topics", e.topics().stream().map(Enum::name).toList())
                    .append("topicsDerived", u.topicsDerived())
                    .append("referredCustomerId", e.referredCustomerId())
                    .append("severity", name(e.severity()))
                    .append("source", e.source())
                    .append("sentiment", e.sentiment().name())
                    .append("sentimentBasis", u.basis().name())
                    .append("textPolarity", u.textPolarity())
                    .append("matchedRules", rules)
                    .append("npsCategory", category == null ? null : category.name());
        }

        static RecordedFeedback read(Document d) {
            List<FeedbackTopic> topics = d.getList("topics", String.class, List.of()).stream()
                    .map(FeedbackTopic::valueOf).toList();
            Sentiment sentiment = Sentiment.valueOf(d.getString("sentiment"));
            FeedbackRecorded event = new FeedbackRecorded(d.getString("_id"),
                    FeedbackKind.valueOf(d.getString("kind")), d.getString("customerId"),
                    d.getDate("occurredAt").toInstant(), d.getInteger("score"), d.getString("text"),
                    d.getString("orderId"), enumOf(Channel.class, d.getString("channel")), topics,
                    d.getString("referredCustomerId"), enumOf(ComplaintSeverity.class, d.getString("severity")),
                    d.getString("source"), d.getDate("recordedAt").toInstant(), sentiment);
            List<MatchedRule> rules = d.getList("matchedRules", Document.class, List.of()).stream()
                    .map(r -> new MatchedRule(r.getString("rule"), r.getString("term"),
                            r.getList("topics", String.class, List.of()).stream().map(FeedbackTopic::valueOf)
                                    .collect(Collectors.toSet()),
                            ((Number) r.get("weight")).doubleValue(),
                            r.getList("modifiers", String.class, List.of()).stream()
                                    .map(MatchedRule.Modifier::valueOf).toList()))
                    .toList();
            Number polarity = (Number) d.get("textPolarity");
            Understanding understanding = new Understanding(topics, Boolean.TRUE.equals(d.getBoolean("topicsDerived")),
                    sentiment, SentimentBasis.valueOf(d.getString("sentimentBasis")),
                    polarity == null ? 0 : polarity.doubleValue(), rules);
            return new RecordedFeedback(event, understanding);
        }

        private static String name(Enum<?> value) {
            return value == null ? null : value.name();
        }

        private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
            return name == null ? null : Enum.valueOf(type, name);
        }
    }
}
