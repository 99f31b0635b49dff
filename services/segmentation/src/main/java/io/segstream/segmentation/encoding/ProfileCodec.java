package io.segstream.segmentation.encoding;

import io.segstream.segmentation.domain.CategoryShare;
import io.segstream.segmentation.domain.CurrentClass;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefinitionKind;
import io.segstream.segmentation.domain.EarlierFeedback;
import io.segstream.segmentation.domain.EarlierHistory;
import io.segstream.segmentation.domain.FeedbackFact;
import io.segstream.segmentation.domain.FeedbackKind;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's profile as the stream keeps it in its store (and its changelog): every fact, total, class and reason
 * the profile holds, exactly (instants to the nanosecond, decimals with their scale), in a compact binary form that
 * is several times faster to read and write than a document. The first byte is the format version, so that a later
 * format can still read what an earlier one wrote.
 */
public final class ProfileCodec {
    private static final int FORMAT = 1;
    private static final int TYPICAL_SIZE = 2048;

    /** Tags of the values a class's reason holds (profile fields: numbers, text, lists and maps of them). */
    private static final int NULL = 0;
    private static final int LONG = 1;
    private static final int INT = 2;
    private static final int DOUBLE = 3;
    private static final int STRING = 4;
    private static final int DECIMAL = 5;
    private static final int BOOLEAN = 6;
    private static final int LIST = 7;
    private static final int MAP = 8;

    private ProfileCodec() {
    }

    public static byte[] encode(CustomerProfile profile) {
        return encode(profile, profile.version());
    }

    /** The profile as stored at {@code version} (a store writes the version after the one it read). */
    public static byte[] encode(CustomerProfile profile, long version) {
        BinaryWriter out = new BinaryWriter(TYPICAL_SIZE);
        out.writeByte(FORMAT);
        out.writeString(profile.customerId());
        out.writeVarLong(version);
        out.writeString(profile.reportingCurrency());
        out.writeInstant(profile.nextReevaluationAt());
        List<PurchaseFact> purchases = profile.purchases();
        out.writeVarLong(purchases.size());
        for (PurchaseFact fact : purchases) {
            writePurchase(out, fact);
        }
        writeEarlier(out, profile.earlier());
        List<FeedbackFact> feedback = profile.feedback();
        out.writeVarLong(feedback.size());
        for (FeedbackFact fact : feedback) {
            writeFeedback(out, fact);
        }
        writeEarlierFeedback(out, profile.earlierFeedback());
        out.writeVarLong(profile.classes().size());
        for (CurrentClass current : profile.classes()) {
            writeClass(out, current);
        }
        return out.toByteArray();
    }

    public static CustomerProfile decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes);
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown profile format " + format);
        }
        String customerId = in.readString();
        long version = in.readVarLong();
        String reportingCurrency = in.readString();
        Instant next = in.readInstant();
        int purchaseCount = in.readVarInt();
        List<PurchaseFact> purchases = new ArrayList<>(purchaseCount);
        for (int i = 0; i < purchaseCount; i++) {
            purchases.add(readPurchase(in, customerId));
        }
        EarlierHistory earlier = readEarlier(in);
        int feedbackCount = in.readVarInt();
        List<FeedbackFact> feedback = new ArrayList<>(feedbackCount);
        for (int i = 0; i < feedbackCount; i++) {
            feedback.add(readFeedback(in, customerId));
        }
        EarlierFeedback earlierFeedback = readEarlierFeedback(in);
        int classCount = in.readVarInt();
        List<CurrentClass> classes = new ArrayList<>(classCount);
        for (int i = 0; i < classCount; i++) {
            classes.add(readClass(in));
        }
        if (!in.atEnd()) {
            throw new IllegalArgumentException("the stored profile has trailing bytes");
        }
        CustomerProfile profile = CustomerProfile.restore(customerId, version, purchases, earlier, feedback,
                earlierFeedback, classes, reportingCurrency);
        profile.restoreNextReevaluationAt(next);
        return profile;
    }

    /** The planned re-evaluation instant of an encoded profile, read without decoding the rest. */
    public static Instant nextReevaluationAt(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes);
        in.readByte();
        in.readString();
        in.readVarLong();
        in.readString();
        return in.readInstant();
    }

    private static void writePurchase(BinaryWriter out, PurchaseFact fact) {
        out.writeString(fact.eventId());
        out.writeBoolean(fact.kind() == PurchaseKind.REFUND);
        out.writeInstant(fact.occurredAt());
        out.writeDecimal(fact.amount());
        out.writeString(fact.currency());
        out.writeString(fact.channel());
        out.writeString(fact.region());
        out.writeVarLong(fact.categories().size());
        for (CategoryShare share : fact.categories()) {
            out.writeString(share.category());
            out.writeDecimal(share.share());
        }
        out.writeDecimal(fact.discountShare());
    }

    private static PurchaseFact readPurchase(BinaryReader in, String customerId) {
        String eventId = in.readString();
        PurchaseKind kind = in.readBoolean() ? PurchaseKind.REFUND : PurchaseKind.PURCHASE;
        Instant occurredAt = in.readInstant();
        BigDecimal amount = in.readDecimal();
        String currency = in.readString();
        String channel = in.readString();
        String region = in.readString();
        int categoryCount = in.readVarInt();
        List<CategoryShare> categories = new ArrayList<>(categoryCount);
        for (int i = 0; i < categoryCount; i++) {
            categories.add(new CategoryShare(in.readString(), in.readDecimal()));
        }
        return new PurchaseFact(eventId, customerId, kind, occurredAt, amount, currency, channel, region, categories,
                in.readDecimal());
    }

    private static void writeEarlier(BinaryWriter out, EarlierHistory earlier) {
        out.writeBoolean(earlier.throughDay() != null);
        if (earlier.throughDay() != null) {
            out.writeSignedVarLong(earlier.throughDay().toEpochDay());
        }
        out.writeVarLong(earlier.orders());
        out.writeVarLong(earlier.refunds());
        out.writeDecimal(earlier.monetary());
        out.writeVarLong(earlier.purchaseDays());
        out.writeInstant(earlier.firstPurchaseAt());
        out.writeInstant(earlier.lastPurchaseAt());
    }

    private static EarlierHistory readEarlier(BinaryReader in) {
        LocalDate throughDay = in.readBoolean() ? LocalDate.ofEpochDay(in.readSignedVarLong()) : null;
        return new EarlierHistory(throughDay, in.readVarLong(), in.readVarLong(), in.readDecimal(), in.readVarLong(),
                in.readInstant(), in.readInstant());
    }

    private static void writeFeedback(BinaryWriter out, FeedbackFact fact) {
        out.writeString(fact.eventId());
        out.writeString(fact.kind().name());
        out.writeInstant(fact.occurredAt());
        out.writeNullableInt(fact.score());
        out.writeString(fact.sentiment());
        out.writeVarLong(fact.topics().size());
        for (String topic : fact.topics()) {
            out.writeString(topic);
        }
    }

    private static FeedbackFact readFeedback(BinaryReader in, String customerId) {
        String eventId = in.readString();
        FeedbackKind kind = FeedbackKind.valueOf(in.readString());
        Instant occurredAt = in.readInstant();
        Integer score = in.readNullableInt();
        String sentiment = in.readString();
        int topicCount = in.readVarInt();
        List<String> topics = new ArrayList<>(topicCount);
        for (int i = 0; i < topicCount; i++) {
            topics.add(in.readString());
        }
        return new FeedbackFact(eventId, customerId, kind, occurredAt, score, sentiment, topics);
    }

    private static void writeEarlierFeedback(BinaryWriter out, EarlierFeedback earlier) {
        out.writeInstant(earlier.throughAt());
        out.writeSignedVarLong(earlier.npsResponses());
        out.writeSignedVarLong(earlier.npsSum());
        out.writeNullableInt(earlier.npsLatest());
        out.writeInstant(earlier.npsLatestAt());
        out.writeSignedVarLong(earlier.csatResponses());
        out.writeSignedVarLong(earlier.csatSum());
        out.writeNullableInt(earlier.csatLatest());
        out.writeInstant(earlier.csatLatestAt());
        out.writeSignedVarLong(earlier.reviews());
        out.writeSignedVarLong(earlier.reviewSentimentSum());
        out.writeSignedVarLong(earlier.complaints());
        out.writeSignedVarLong(earlier.supportTickets());
        out.writeSignedVarLong(earlier.referrals());
        out.writeVarLong(earlier.topicCounts().size());
        earlier.topicCounts().forEach((topic, count) -> {
            out.writeString(topic);
            out.writeSignedVarLong(count);
        });
    }

    private static EarlierFeedback readEarlierFeedback(BinaryReader in) {
        Instant throughAt = in.readInstant();
        long npsResponses = in.readSignedVarLong();
        long npsSum = in.readSignedVarLong();
        Integer npsLatest = in.readNullableInt();
        Instant npsLatestAt = in.readInstant();
        long csatResponses = in.readSignedVarLong();
        long csatSum = in.readSignedVarLong();
        Integer csatLatest = in.readNullableInt();
        Instant csatLatestAt = in.readInstant();
        long reviews = in.readSignedVarLong();
        long reviewSentimentSum = in.readSignedVarLong();
        long complaints = in.readSignedVarLong();
        long supportTickets = in.readSignedVarLong();
        long referrals = in.readSignedVarLong();
        int topicCount = in.readVarInt();
        Map<String, Long> topics = new LinkedHashMap<>();
        for (int i = 0; i < topicCount; i++) {
            topics.put(in.readString(), in.readSignedVarLong());
        }
        return new EarlierFeedback(throughAt, npsResponses, npsSum, npsLatest, npsLatestAt, csatResponses, csatSum,
                csatLatest, csatLatestAt, reviews, reviewSentimentSum, complaints, supportTickets, referrals, topics);
    }

    private static void writeClass(BinaryWriter out, CurrentClass current) {
        out.writeBoolean(current.kind() == DefinitionKind.AUDIENCE);
        out.writeString(current.key());
        out.writeString(current.className());
        out.writeSignedVarLong(current.definitionVersion());
        out.writeInstant(current.since());
        out.writeString(current.causedBy());
        out.writeInstant(current.evaluatedAt());
        out.writeVarLong(current.reason().size());
        current.reason().forEach((name, value) -> {
            out.writeString(name);
            writeValue(out, value);
        });
    }

    private static CurrentClass readClass(BinaryReader in) {
        DefinitionKind kind = in.readBoolean() ? DefinitionKind.AUDIENCE : DefinitionKind.DIMENSION;
        String key = in.readString();
        String className = in.readString();
        long version = in.readSignedVarLong();
        Instant since = in.readInstant();
        String causedBy = in.readString();
        Instant evaluatedAt = in.readInstant();
        int reasonSize = in.readVarInt();
        Map<String, Object> reason = new LinkedHashMap<>();
        for (int i = 0; i < reasonSize; i++) {
            String name = in.readString();
            reason.put(name, readValue(in));
        }
        return new CurrentClass(key, className, version, since, causedBy, evaluatedAt, reason, kind);
    }

    private static void writeValue(BinaryWriter out, Object value) {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeSignedVarLong(number);
        } else if (value instanceof Integer number) {
            out.writeByte(INT);
            out.writeSignedVarLong(number);
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeDouble(number);
        } else if (value instanceof String text) {
            out.writeByte(STRING);
            out.writeString(text);
        } else if (value instanceof BigDecimal amount) {
            out.writeByte(DECIMAL);
            out.writeDecimal(amount);
        } else if (value instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeVarLong(list.size());
            list.forEach(element -> writeValue(out, element));
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeVarLong(map.size());
            map.forEach((name, element) -> {
                out.writeString(String.valueOf(name));
                writeValue(out, element);
            });
        } else {
            throw new IllegalArgumentException("a reason holds a value of an unexpected type "
                    + value.getClass().getSimpleName());
        }
    }

    private static Object readValue(BinaryReader in) {
        int tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readSignedVarLong();
            case INT -> Math.toIntExact(in.readSignedVarLong());
            case DOUBLE -> in.readDouble();
            case STRING -> in.readString();
            case DECIMAL -> in.readDecimal();
            case BOOLEAN -> in.readBoolean();
            case LIST -> {
                int size = in.readVarInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readValue(in));
                }
                yield list;
            }
            case MAP -> {
                int size = in.readVarInt();
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    String name = in.readString();
                    map.put(name, readValue(in));
                }
                yield map;
            }
            default -> throw new IllegalArgumentException("unknown value tag " + tag);
        };
    }
}
