package io.segstream.localstack.bench;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.segstream.contracts.Channel;
import io.segstream.segmentation.domain.CategoryShare;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.EarlierFeedback;
import io.segstream.segmentation.domain.EarlierHistory;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import io.segstream.segmentation.store.ProfileDocuments;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Customers written straight into segmentation's {@code profiles} collection, so that re-evaluation, the sweep and
 * segmentation's heap are measured at the 1,000,000 customers: sending that many purchases through the
 * pipeline would take the better part of an hour. Each document is what segmentation itself would store for the
 * profile ({@link ProfileDocuments#toDocument}, the one definition of the shape), stamped as its store stamps a
 * first write. The customers bought 1 to 8 times over the last two years from the pipeline's assortment; they have
 * no classes yet (the re-evaluation classifies them), no pending changes and no planned re-evaluation instant (they
 * are not due for the sweep until the sweep step makes them so).
 *
 * <p>Purchases older than segmentation's history horizon (400 days before the newest) are kept one by one, not folded
 * into earlier totals as segmentation would fold them at the customer's next purchase: every figure is the same
 * either way.
 */
final class ProfileSeed {
    static final String STEP = "profile seed";
    /** Seeded customers are BP0000001, BP0000002, ...: distinct from the pipeline's BF-n and BS-n. */
    static final String CUSTOMER_PREFIX = "BP";
    /** The first id after every seeded one: [BP, BQ) is the seeded range of {@code _id}. */
    static final String AFTER_LAST_CUSTOMER = "BQ";
    /** purchase-ingestion's default reporting currency, in which segmentation keeps every amount. */
    static final String REPORTING_CURRENCY = "CNY";
    static final int MAX_PURCHASES = 8;
    static final Duration HISTORY = Duration.ofDays(730);
    /** Documents per insertMany. */
    static final int BATCH = 1_000;
    private static final int PROGRESS_EVERY = 100_000;
    /** Digits of a discount share, as segmentation keeps it. */
    private static final int SHARE_SCALE = 4;
    /** What segmentation's store writes for a profile's first save: its version (0, new) plus one. */
    private static final long FIRST_STORED_VERSION = 1;

    /** How many profiles were written and how long it took. */
    record Result(int profiles, double seconds) {
        double perSecond() {
            return profiles / seconds;
        }
    }

    private final Random random;
    private final Instant now;

    ProfileSeed(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    static String customerId(int number) {
        return String.format(Locale.ROOT, "%s%07d", CUSTOMER_PREFIX, number);
    }

    /** The filter of every seeded profile (a range of {@code _id}). */
    static Bson seeded() {
        return Filters.and(Filters.gte("_id", CUSTOMER_PREFIX), Filters.lt("_id", AFTER_LAST_CUSTOMER));
    }

    /** Writes {@code profiles} customers into the collection at {@code databaseUri}, progress on {@code progress}. */
    Result seed(String databaseUri, int profiles, PrintStream progress) {
        try (MongoClient client = MongoClients.create(databaseUri)) {
            MongoCollection<Document> collection = profiles(client, databaseUri);
            long started = System.nanoTime();
            List<Document> batch = new ArrayList<>(BATCH);
            for (int number = 1; number <= profiles; number++) {
                batch.add(document(number));
                if (batch.size() == BATCH || number == profiles) {
                    collection.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
                if (number % PROGRESS_EVERY == 0) {
                    progress.printf(Locale.ROOT, "bench: profile seed: %,d of %,d written (%.0f s)%n", number,
                            profiles, (System.nanoTime() - started) / 1e9);
                }
            }
            return new Result(profiles, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Segmentation's profiles collection in the database the URI names. */
    static MongoCollection<Document> profiles(MongoClient client, String databaseUri) {
        return client.getDatabase(new ConnectionString(databaseUri).getDatabase()).getCollection(ProfileDocuments.COLLECTION);
    }

    static void report(Result result, Figures figures) {
        figures.add(STEP, "profiles seeded into segmentation's store (insertMany of " + BATCH + ")",
                String.format(Locale.ROOT, "%,d in %s, %s", result.profiles(), Figures.seconds(result.seconds()),
                        Figures.perSecond(result.perSecond(), "docs")));
    }

    /** Customer {@code number}'s document, as segmentation's store writes a profile the first time. */
    Document document(int number) {
        return ProfileDocuments.toDocument(profile(number))
                .append(ProfileDocuments.VERSION, FIRST_STORED_VERSION)
                .append(ProfileDocuments.UPDATED_AT, Date.from(now));
    }

    CustomerProfile profile(int number) {
        String customerId = customerId(number);
        int customerIndex = number - 1;
        BenchPurchases.Region region = BenchPurchases.REGIONS.get(customerIndex % BenchPurchases.REGIONS.size());
        Channel channel = Channel.values()[customerIndex % Channel.values().length];
        int count = 1 + random.nextInt(MAX_PURCHASES);
        List<PurchaseFact> purchases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            purchases.add(purchase(customerId, channel, region));
        }
        return CustomerProfile.restore(customerId, 0, purchases, EarlierHistory.NONE, List.of(),
                EarlierFeedback.NONE, List.of(), List.of(), REPORTING_CURRENCY);
    }

    private PurchaseFact purchase(String customerId, Channel channel, BenchPurchases.Region region) {
        Instant at = now.minusSeconds((long) (random.nextDouble() * HISTORY.toSeconds()));
        int lines = 1 + random.nextInt(BenchPurchases.MAX_LINES);
        Map<String, BigDecimal> lineTotals = new LinkedHashMap<>();
        BigDecimal gross = BigDecimal.ZERO;
        for (int i = 0; i < lines; i++) {
            BenchPurchases.Product product = BenchPurchases.PRODUCTS.get(random.nextInt(
                    BenchPurchases.PRODUCTS.size()));
            BigDecimal line = product.price().multiply(BigDecimal.valueOf(1 + random.nextInt(2)));
            lineTotals.merge(product.category(), line, BigDecimal::add);
            gross = gross.add(line);
        }
        boolean discounted = random.nextDouble() < BenchPurchases.DISCOUNT_SHARE;
        BigDecimal discount = discounted ? gross.multiply(BenchPurchases.DISCOUNT).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(2);
        String eventId = new UUID(random.nextLong(), random.nextLong()).toString();
        return new PurchaseFact(eventId, customerId, PurchaseKind.PURCHASE, at, gross.subtract(discount),
                REPORTING_CURRENCY, channel.name(), region.code(),
                CategoryShare.of(lineTotals, BenchPurchases.MAX_LINES),
                (discounted ? BenchPurchases.DISCOUNT : BigDecimal.ZERO).setScale(SHARE_SCALE));
    }
}
