package io.segstream.benchmarks;

import io.segstream.segmentation.domain.CategoryShare;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.DefinitionStore;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.FeedbackFact;
import io.segstream.segmentation.domain.FeedbackKind;
import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import io.segstream.segmentation.domain.RfmPopulation;
import io.segstream.segmentation.domain.SegmentDefinition;
import io.segstream.segmentation.expressions.CelDefinitionCompiler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Realistic inputs built from the domain classes, with the services' default settings (application.yml of
 * segmentation). Deterministic: every random choice comes from a seeded {@link Random}, so two runs measure the same
 * data.
 */
public final class Fixtures {
    /** The instant every evaluation is "as of". */
    public static final Instant AS_OF = Instant.parse("2026-11-20T12:00:00Z");
    /** Lifecycle thresholds of the default catalogue (segstream.segmentation.lifecycle.*). */
    public static final int AT_RISK_AFTER_DAYS = 90;
    public static final int CHURNED_AFTER_DAYS = 180;

    static final String[] CATEGORIES = {"infant-formula/organic", "baby-care/diapers", "toys/educational",
            "apparel/kids", "home/kitchen", "grocery/snacks", "beauty/skin-care"};
    static final String[] CHANNELS = {"STORE", "ONLINE", "MOBILE_APP", "MARKETPLACE"};
    static final String[] REGIONS = {"CN-SH", "CN-JS", "CN-ZJ", "CN-BJ"};

    private Fixtures() {
    }

    /** segstream.segmentation.profile.* defaults: UTC days, 1,000 kept facts, 400-day horizon, 20 categories. */
    public static ProfilePolicy policy() {
        return new ProfilePolicy(ZoneOffset.UTC, 1000, Duration.ofDays(400), 20, 500, 90);
    }

    /** The CEL compiler with segstream.segmentation.definitions.* defaults (immutable, thread-safe, shared). */
    public static CelDefinitionCompiler compiler() {
        return Compiled.COMPILER;
    }

    /**
     * The default catalogue as the service runs it: the CEL definitions (version 1 of each key) loaded by
     * {@link DefinitionCatalogue}, which also scores RFM against {@code population}. The compiled definitions are
     * shared (compiling the catalogue takes CEL about half a second, which every set-up would otherwise repeat).
     */
    public static DefinitionCatalogue catalogue(RfmPopulation population) {
        DefinitionCatalogue catalogue = new DefinitionCatalogue(new InMemoryDefinitions(), Compiled::compile,
                DefaultCatalogue.definitions(AT_RISK_AFTER_DAYS, CHURNED_AFTER_DAYS));
        catalogue.reload();
        catalogue.usePopulation(population);
        return catalogue;
    }

    /** What every set-up shares, built once per JVM: the compiled default catalogue and the population (immutable). */
    private static final class Compiled {
        static final CelDefinitionCompiler COMPILER =
                new CelDefinitionCompiler(new CelDefinitionCompiler.Limits(1000, 30, 200, 1000));
        static final Map<SegmentDefinition, Dimension> DEFAULTS = compileDefaults();
        static final RfmPopulation POPULATION = population(100_000, 7);

        private static Map<SegmentDefinition, Dimension> compileDefaults() {
            Map<SegmentDefinition, Dimension> compiled = new LinkedHashMap<>();
            for (SegmentDefinition definition : DefaultCatalogue.definitions(AT_RISK_AFTER_DAYS, CHURNED_AFTER_DAYS)) {
                SegmentDefinition seeded = InMemoryDefinitions.seeded(definition);
                compiled.put(seeded, COMPILER.compile(seeded));
            }
            return Map.copyOf(compiled);
        }

        static Dimension compile(SegmentDefinition definition) {
            Dimension known = DEFAULTS.get(definition);
            return known != null ? known : COMPILER.compile(definition);
        }
    }

    /**
     * The purchase history of one regular customer: {@code purchases} orders spread over the two years before
     * {@link #AS_OF} (the oldest beyond the 400-day horizon, so they are folded into totals as in production),
     * 1-4 categories each out of seven, four channels, four regions, a discount on about a third of them and a refund
     * every 12th order.
     */
    public static List<PurchaseFact> history(String customerId, int purchases, long seed) {
        Random random = new Random(seed);
        List<PurchaseFact> facts = new ArrayList<>();
        long spanSeconds = Duration.ofDays(730).toSeconds();
        for (int i = 0; i < purchases; i++) {
            // Oldest first, roughly evenly spread with jitter; the newest a few days before AS_OF.
            long secondsBefore = spanSeconds * (purchases - i) / purchases + random.nextInt(86_400 * 3);
            Instant at = AS_OF.minusSeconds(secondsBefore);
            facts.add(purchase(customerId, "E-" + customerId + "-" + i, at, random));
            if (i % 12 == 11) {
                BigDecimal refunded = facts.get(facts.size() - 1).amount().divide(BigDecimal.valueOf(2), 2,
                        RoundingMode.HALF_UP).negate();
                facts.add(new PurchaseFact("R-" + customerId + "-" + i, customerId, PurchaseKind.REFUND,
                        at.plus(Duration.ofDays(3)), refunded, "CNY", null, null, List.of(), null));
            }
        }
        return facts;
    }

    /** One realistic purchase (what PurchaseFacts makes of a purchases.recorded.v1 event). */
    public static PurchaseFact purchase(String customerId, String eventId, Instant at, Random random) {
        Map<String, BigDecimal> lineTotals = new LinkedHashMap<>();
        int lines = 1 + random.nextInt(4);
        for (int line = 0; line < lines; line++) {
            lineTotals.merge(CATEGORIES[random.nextInt(CATEGORIES.length)],
                    BigDecimal.valueOf(20 + random.nextInt(400)), BigDecimal::add);
        }
        BigDecimal total = lineTotals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discountShare = random.nextInt(3) == 0
                ? BigDecimal.valueOf(5 + random.nextInt(25)).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(4);
        // Channel and region weighted towards a favourite, as real customers are.
        String channel = CHANNELS[random.nextInt(10) < 6 ? 0 : random.nextInt(CHANNELS.length)];
        String region = REGIONS[random.nextInt(10) < 7 ? 0 : random.nextInt(REGIONS.length)];
        return new PurchaseFact(eventId, customerId, PurchaseKind.PURCHASE, at, total.setScale(2), "CNY", channel,
                region, CategoryShare.of(lineTotals, 20), discountShare);
    }

    /** A little feedback: two NPS answers, a CSAT, a review and a complaint about delivery in the last half year. */
    public static List<FeedbackFact> feedback(String customerId) {
        return List.of(
                new FeedbackFact("F-" + customerId + "-1", customerId, FeedbackKind.NPS_SURVEY,
                        AS_OF.minus(Duration.ofDays(300)), 9, "POSITIVE", List.of("QUALITY")),
                new FeedbackFact("F-" + customerId + "-2", customerId, FeedbackKind.CSAT_SURVEY,
                        AS_OF.minus(Duration.ofDays(200)), 4, "POSITIVE", List.of("SERVICE")),
                new FeedbackFact("F-" + customerId + "-3", customerId, FeedbackKind.REVIEW,
                        AS_OF.minus(Duration.ofDays(120)), 5, "POSITIVE", List.of("QUALITY", "PRODUCT_RANGE")),
                new FeedbackFact("F-" + customerId + "-4", customerId, FeedbackKind.COMPLAINT,
                        AS_OF.minus(Duration.ofDays(40)), null, "NEGATIVE", List.of("DELIVERY")),
                new FeedbackFact("F-" + customerId + "-5", customerId, FeedbackKind.NPS_SURVEY,
                        AS_OF.minus(Duration.ofDays(20)), 7, "NEUTRAL", List.of("DELIVERY", "PRICE")));
    }

    /**
     * A stored profile as the service would hold it: the history applied fact by fact (as the events arrived,
     * each classified as of its own time), then saved, with its changes published (no pending changes left).
     */
    public static CustomerProfile profile(String customerId, int purchases, long seed, ProfilePolicy policy,
                                          DefinitionCatalogue catalogue) {
        CustomerProfile profile = CustomerProfile.newCustomer(customerId);
        List<PurchaseFact> history = history(customerId, purchases, seed);
        List<FeedbackFact> feedback = feedback(customerId);
        for (PurchaseFact fact : history) {
            profile.apply(fact, fact.occurredAt(), policy, catalogue);
        }
        for (FeedbackFact fact : feedback) {
            profile.apply(fact, fact.occurredAt(), policy, catalogue);
        }
        profile.planNextReevaluation(catalogue.clockSensitivity(), AS_OF, policy);
        profile.markSaved();
        return profile;
    }

    /** A fresh copy of a profile at the same version (the facts are immutable and shared). */
    public static CustomerProfile copy(CustomerProfile stored) {
        CustomerProfile copy = CustomerProfile.restore(stored.customerId(), stored.version(), stored.purchases(),
                stored.earlier(), stored.feedback(), stored.earlierFeedback(), stored.classes(),
                stored.reportingCurrency());
        copy.restoreNextReevaluationAt(stored.nextReevaluationAt());
        return copy;
    }

    /**
     * The recency, frequency and net spend of {@code customers} customers as of {@link #AS_OF}: skewed like retail
     * data (many one- and two-time buyers, a long tail of frequent ones; recency roughly uniform over two years).
     */
    public static List<ProfileFigures> populationFigures(int customers, long seed) {
        Random random = new Random(seed);
        List<ProfileFigures> figures = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            int recency = random.nextInt(730);
            long orders = 1 + (long) Math.floor(-Math.log(1 - random.nextDouble()) * 6);
            BigDecimal monetary = BigDecimal.valueOf(orders * (50 + random.nextInt(600)))
                    .add(BigDecimal.valueOf(random.nextInt(100), 2));
            Instant last = AS_OF.minus(Duration.ofDays(recency));
            Instant first = last.minus(Duration.ofDays(orders * 20));
            figures.add(new ProfileFigures(AS_OF, first, last, recency, orders, 0, monetary, orders));
        }
        return figures;
    }

    /**
     * The population the catalogue's RFM scores are quintiles of in the segmentation benchmarks: 100,000 customers
     * (immutable, built once per JVM).
     */
    public static RfmPopulation defaultPopulation() {
        return Compiled.POPULATION;
    }

    /** The RFM population of {@link #populationFigures}. */
    public static RfmPopulation population(int customers, long seed) {
        RfmPopulation.Builder builder = new RfmPopulation.Builder();
        populationFigures(customers, seed).forEach(builder::add);
        return builder.build();
    }

    /** Definitions kept in memory, seeded like the MongoDB store (version 1 of each key). */
    static final class InMemoryDefinitions implements DefinitionStore {
        private final Map<String, SegmentDefinition> current = new LinkedHashMap<>();

        @Override
        public List<SegmentDefinition> current() {
            return List.copyOf(current.values());
        }

        @Override
        public Optional<SegmentDefinition> current(String key) {
            return Optional.ofNullable(current.get(key));
        }

        @Override
        public SegmentDefinition saveNewVersion(SegmentDefinition definition) {
            long version = current.containsKey(definition.key()) ? current.get(definition.key()).version() + 1 : 1;
            SegmentDefinition stored = definition.withVersion(version, AS_OF);
            current.put(definition.key(), stored);
            return stored;
        }

        @Override
        public void seed(List<SegmentDefinition> definitions) {
            definitions.forEach(definition -> current.putIfAbsent(definition.key(), seeded(definition)));
        }

        static SegmentDefinition seeded(SegmentDefinition definition) {
            return definition.withVersion(1, AS_OF);
        }
    }
}
