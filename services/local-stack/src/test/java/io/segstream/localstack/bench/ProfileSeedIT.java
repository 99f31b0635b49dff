package io.segstream.localstack.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.segstream.embedded.MongoWireServer;
import io.segstream.embedded.Ports;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded profiles against the on-disk wire server: every customer is written once, in segmentation's stored shape
 * (which segmentation reading them back is checked by a bench run: its re-evaluation counts them), and not due.
 */
class ProfileSeedIT {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void writesEveryCustomerInSegmentationsStoredShapeNotDue(@TempDir Path dir) {
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", Ports.freePort(), dir.resolve("seed.mv"))
                .start()) {
            String uri = server.connectionString() + "/segstream-segmentation";
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            ProfileSeed.Result result = new ProfileSeed(7, NOW).seed(uri, 2_500,
                    new PrintStream(progress, true, StandardCharsets.UTF_8));
            assertThat(result.profiles()).isEqualTo(2_500);
            assertThat(result.perSecond()).isPositive();

            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> profiles = ProfileSeed.profiles(client, uri);
                assertThat(profiles.countDocuments()).isEqualTo(2_500);
                assertThat(profiles.countDocuments(ProfileSeed.seeded())).isEqualTo(2_500);
                Document first = profiles.find(new Document("_id", "BP0000001")).first();
                assertThat(first).isNotNull();
                assertThat(first.get("version", Number.class).longValue()).as("as after a first save").isEqualTo(1);
                assertThat(first.getDate("updatedAt")).isEqualTo(Date.from(NOW));
                assertThat(first.getString("reportingCurrency")).isEqualTo(ProfileSeed.REPORTING_CURRENCY);
                assertThat(first.getList("segments", Document.class)).isEmpty();
                assertThat(first.getList("pendingChanges", Document.class)).isEmpty();
                assertThat(first).doesNotContainKey("nextReevaluationAt");

                for (Document profile : profiles.find().into(new ArrayList<>())) {
                    List<Document> purchases = profile.getList("purchases", Document.class);
                    assertThat(purchases).hasSizeBetween(1, ProfileSeed.MAX_PURCHASES);
                    for (Document purchase : purchases) {
                        Instant at = Instant.parse(purchase.getString("occurredAt"));
                        assertThat(at).isBetween(NOW.minus(ProfileSeed.HISTORY).minus(1, ChronoUnit.SECONDS), NOW);
                        assertThat(purchase.get("amount", Decimal128.class).bigDecimalValue()).isPositive();
                        assertThat(purchase.getString("currency")).isEqualTo(ProfileSeed.REPORTING_CURRENCY);
                        assertThat(purchase.getList("categories", Document.class)).isNotEmpty();
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameCustomers() {
        assertThat(new ProfileSeed(7, NOW).document(42)).isEqualTo(new ProfileSeed(7, NOW).document(42));
        assertThat(ProfileSeed.customerId(1_000_000)).isEqualTo("BP1000000");
    }

    @Test
    void theSeedIsReported() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Figures figures = new Figures(new PrintStream(printed, true, StandardCharsets.UTF_8));
        ProfileSeed.report(new ProfileSeed.Result(10_000, 2.0), figures);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("10,000 in 2.0 s", "5,000 docs/s");
    }
}
