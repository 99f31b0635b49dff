package io.segstream.segmentation.expressions;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import com.google.common.collect.ImmutableSet;
import io.segstream.segmentation.domain.ProfileFigures;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code profile} variable of segment expressions: every documented profile field with its CEL type, and the
 * map of values that a profile's figures give it. A field that is unknown for a customer (recency of one who never
 * bought, NPS of one who never answered) is absent: expressions test it with {@code has(profile.npsLatest)}.
 * Money is a double here (expressions compare thresholds, they do not add money).
 */
final class ProfileVariables {
    /** The declared struct type's name, as CEL error messages show it. */
    static final String TYPE_NAME = "segstream.Profile";

    private record Field(CelType type, Function<ProfileFigures, Object> value) {
    }

    private static final Map<String, Field> FIELDS = fields();
    /** The declared struct type of {@code profile}. */
    static final StructType TYPE = StructType.create(TYPE_NAME, ImmutableSet.copyOf(FIELDS.keySet()),
            name -> Optional.ofNullable(FIELDS.get(name)).map(Field::type));

    private ProfileVariables() {
    }

    private static Map<String, Field> fields() {
        Map<String, Field> fields = new LinkedHashMap<>();
        fields.put("recencyDays", new Field(SimpleType.INT, f -> integer(f.recencyDays())));
        fields.put("frequency", new Field(SimpleType.INT, ProfileFigures::orderCount));
        fields.put("orders", new Field(SimpleType.INT, ProfileFigures::orderCount));
        fields.put("refunds", new Field(SimpleType.INT, ProfileFigures::refundCount));
        fields.put("purchaseDays", new Field(SimpleType.INT, ProfileFigures::purchaseDays));
        fields.put("tenureDays", new Field(SimpleType.INT, ProfileVariables::tenureDays));
        fields.put("monetary", new Field(SimpleType.DOUBLE, f -> money(f.monetary())));
        fields.put("monetary365d", new Field(SimpleType.DOUBLE, f -> money(f.behaviour().monetary365d())));
        fields.put("purchases30d", new Field(SimpleType.INT, f -> f.behaviour().purchases30d()));
        fields.put("purchases90d", new Field(SimpleType.INT, f -> f.behaviour().purchases90d()));
        fields.put("purchases365d", new Field(SimpleType.INT, f -> f.behaviour().purchases365d()));
        fields.put("averageOrderValue", new Field(SimpleType.DOUBLE, f -> money(f.behaviour().averageOrderValue())));
        fields.put("meanGapDays", new Field(SimpleType.DOUBLE, f -> f.behaviour().meanGapDays()));
        fields.put("medianGapDays", new Field(SimpleType.DOUBLE, f -> f.behaviour().medianGapDays()));
        fields.put("lastGapDays", new Field(SimpleType.INT, f -> f.behaviour().lastGapDays()));
        fields.put("categoryShares", new Field(MapType.create(SimpleType.STRING, SimpleType.DOUBLE),
                f -> f.behaviour().categoryShares()));
        fields.put("topCategory", new Field(SimpleType.STRING, f -> f.behaviour().topCategory()));
        fields.put("channelShares", new Field(MapType.create(SimpleType.STRING, SimpleType.DOUBLE),
                f -> f.behaviour().channelShares()));
        fields.put("topChannel", new Field(SimpleType.STRING, f -> f.behaviour().topChannel()));
        fields.put("channelCount", new Field(SimpleType.INT, f -> (long) f.behaviour().channelShares().size()));
        fields.put("discountedOrderShare", new Field(SimpleType.DOUBLE, f -> f.behaviour().discountedOrderShare()));
        fields.put("discountDepth", new Field(SimpleType.DOUBLE, f -> f.behaviour().discountDepth()));
        fields.put("regions", new Field(ListType.create(SimpleType.STRING), f -> f.behaviour().regions()));
        fields.put("topRegion", new Field(SimpleType.STRING, f -> f.behaviour().topRegion()));
        fields.put("rScore", new Field(SimpleType.INT, f -> f.rfm() == null ? null : (long) f.rfm().r()));
        fields.put("fScore", new Field(SimpleType.INT, f -> f.rfm() == null ? null : (long) f.rfm().f()));
        fields.put("mScore", new Field(SimpleType.INT, f -> f.rfm() == null ? null : (long) f.rfm().m()));
        fields.put("fmScore", new Field(SimpleType.INT, f -> f.rfm() == null ? null : (long) f.rfm().fm()));
        fields.put("rfm", new Field(SimpleType.STRING, f -> f.rfm() == null ? null : f.rfm().code()));
        fields.put("npsLatest", new Field(SimpleType.INT, f -> integer(f.feedback().npsLatest())));
        fields.put("npsAverage", new Field(SimpleType.DOUBLE, f -> f.feedback().npsAverage()));
        fields.put("npsResponses", new Field(SimpleType.INT, f -> f.feedback().npsResponses()));
        fields.put("csatLatest", new Field(SimpleType.INT, f -> integer(f.feedback().csatLatest())));
        fields.put("csatAverage", new Field(SimpleType.DOUBLE, f -> f.feedback().csatAverage()));
        fields.put("csatResponses", new Field(SimpleType.INT, f -> f.feedback().csatResponses()));
        fields.put("complaints", new Field(SimpleType.INT, f -> f.feedback().complaints()));
        fields.put("complaintsRecent", new Field(SimpleType.INT, f -> f.feedback().complaintsRecent()));
        fields.put("supportTickets", new Field(SimpleType.INT, f -> f.feedback().supportTickets()));
        fields.put("reviews", new Field(SimpleType.INT, f -> f.feedback().reviews()));
        fields.put("reviewSentiment", new Field(SimpleType.DOUBLE, f -> f.feedback().reviewSentiment()));
        fields.put("topicCounts", new Field(MapType.create(SimpleType.STRING, SimpleType.INT),
                f -> f.feedback().topicCounts()));
        fields.put("topTopic", new Field(SimpleType.STRING, f -> f.feedback().topTopic()));
        fields.put("referralsMade", new Field(SimpleType.INT, f -> f.feedback().referralsMade()));
        return Collections.unmodifiableMap(fields);
    }

    /** The declared fields and their CEL types, in documentation order. */
    static Map<String, CelType> types() {
        Map<String, CelType> types = new LinkedHashMap<>();
        FIELDS.forEach((name, field) -> types.put(name, field.type()));
        return types;
    }

    /** The figures last turned into variables on this thread, with their variables. */
    private record Built(ProfileFigures figures, Map<String, Object> variables, ProfileValue value) {
    }

    /**
     * A customer is classified on every definition in a row with the same figures: the map is built once per
     * figures, not once per definition, because building it is the fixed cost of every classification.
     */
    private static final ThreadLocal<Built> LAST_BUILT = new ThreadLocal<>();

    /** The value of {@code profile} for these figures (unmodifiable); unknown fields are left out. */
    static Map<String, Object> of(ProfileFigures figures) {
        Built last = LAST_BUILT.get();
        if (last != null && last.figures() == figures) {
            return last.variables();
        }
        Map<String, Object> variables = Collections.unmodifiableMap(build(figures));
        LAST_BUILT.set(new Built(figures, variables, new ProfileValue(variables, TYPE)));
        return variables;
    }

    /** The value of {@code profile} for these figures as CEL evaluates it. */
    static ProfileValue value(ProfileFigures figures) {
        of(figures);
        return LAST_BUILT.get().value();
    }

    private static Map<String, Object> build(ProfileFigures figures) {
        Map<String, Object> values = new LinkedHashMap<>();
        FIELDS.forEach((name, field) -> {
            Object value = field.value().apply(figures);
            if (value != null) {
                values.put(name, value);
            }
        });
        return values;
    }

    private static Object tenureDays(ProfileFigures figures) {
        if (figures.firstPurchaseAt() == null) {
            return null;
        }
        return Math.max(0, java.time.Duration.between(figures.firstPurchaseAt(), figures.asOf()).toDays());
    }

    private static Long integer(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static Double money(BigDecimal amount) {
        return amount == null ? null : amount.doubleValue();
    }
}
