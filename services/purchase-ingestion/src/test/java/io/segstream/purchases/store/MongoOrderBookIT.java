package io.segstream.purchases.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.purchases.domain.PlacedOrder;
import io.segstream.purchases.domain.RefundClaim;
import io.segstream.purchases.domain.RefundDecision;
import io.segstream.purchases.domain.StoreUnavailableException;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order book against the MongoDB wire server: registration, refunds, and refunds racing each other. */
class MongoOrderBookIT {
    private static MongoClient mongo;
    private MongoCollection<Document> collection;
    private MongoOrderBook book;

    @BeforeAll
    static void connect() {
        mongo = MongoClients.create(TestInfrastructure.mongoUri("order-book-it"));
    }

    @AfterAll
    static void disconnect() {
        mongo.close();
    }

    @BeforeEach
    void fresh() {
        collection = mongo.getDatabase("order-book-it").getCollection("orders-" + UUID.randomUUID());
        book = new MongoOrderBook(collection);
    }

    @Test
    void registersOrdersInBulkAndKnowsWhoHoldsEach() {
        book.register(List.of(order("O-1", "e-1", 100)));

        List<Boolean> held = book.register(List.of(order("O-2", "e-2", 50), order("O-1", "e-1", 100),
                order("O-1", "e-other", 100), order("O-2", "e-3", 1)));

        assertThat(held).containsExactly(true, true, false, false);
        Document stored = collection.find(new Document("_id", "O-2")).first();
        assertThat(stored.getString("eventId")).isEqualTo("e-2");
        assertThat(stored.getLong("remainingMinor")).isEqualTo(50L);
    }

    @Test
    void refundsAreTakenOffOnceAndNeverBeyondTheAmount() {
        book.register(List.of(order("O-1", "e-1", 10_000)));

        assertThat(book.refund(refund("O-1", "r-1", 6_000))).isEqualTo(RefundDecision.APPLIED);
        assertThat(book.refund(refund("O-1", "r-1", 6_000))).isEqualTo(RefundDecision.ALREADY_APPLIED);
        assertThat(book.refund(refund("O-1", "r-2", 4_001))).isEqualTo(RefundDecision.EXCEEDS_REMAINING);
        assertThat(book.refund(refund("O-1", "r-3", 4_000))).isEqualTo(RefundDecision.APPLIED);
        assertThat(book.refund(refund("O-1", "r-4", 0))).isEqualTo(RefundDecision.APPLIED);

        Document stored = collection.find(new Document("_id", "O-1")).first();
        assertThat(stored.getLong("remainingMinor")).isZero();
        assertThat(stored.getList("refundEventIds", String.class)).containsExactly("r-1", "r-3", "r-4");
    }

    @Test
    void refundsOfUnknownOrdersOrOfAnotherCustomerOrCurrencyAreRefused() {
        book.register(List.of(order("O-1", "e-1", 100)));
        assertThat(book.refund(refund("O-none", "r-1", 1))).isEqualTo(RefundDecision.UNKNOWN_ORDER);
        assertThat(book.refund(new RefundClaim("O-1", "r-2", "C-other", "GBP", 1)))
                .isEqualTo(RefundDecision.CUSTOMER_MISMATCH);
        assertThat(book.refund(new RefundClaim("O-1", "r-3", "C-1", "USD", 1)))
                .isEqualTo(RefundDecision.CURRENCY_MISMATCH);
    }

    @Test
    void concurrentRefundsCannotOverRefund() throws Exception {
        book.register(List.of(order("O-1", "e-1", 10_000)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<RefundDecision>> claims = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String eventId = "r-" + i;
                claims.add(() -> book.refund(refund("O-1", eventId, 3_000)));
            }
            List<RefundDecision> decisions = new ArrayList<>();
            for (Future<RefundDecision> decision : pool.invokeAll(claims)) {
                decisions.add(decision.get());
            }
            assertThat(decisions).filteredOn(d -> d == RefundDecision.APPLIED).hasSize(3);
            assertThat(decisions).filteredOn(d -> d == RefundDecision.EXCEEDS_REMAINING).hasSize(17);
        } finally {
            pool.shutdownNow();
        }
        assertThat(collection.find(new Document("_id", "O-1")).first().getLong("remainingMinor")).isEqualTo(1_000L);
    }

    @Test
    void anUnreachableStoreIsReportedAsUnavailable() {
        try (MongoClient dead = MongoClients.create(
                "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200&connectTimeoutMS=200")) {
            MongoOrderBook away = new MongoOrderBook(dead.getDatabase("x").getCollection("orders"));
            assertThatThrownBy(() -> away.register(List.of(order("O-1", "e-1", 1))))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> away.refund(refund("O-1", "r-1", 1)))
                    .isInstanceOf(StoreUnavailableException.class);
        }
    }

    private static PlacedOrder order(String orderId, String eventId, long amountMinor) {
        return new PlacedOrder(orderId, eventId, "C-1", "GBP", amountMinor);
    }

    private static RefundClaim refund(String orderId, String eventId, long amountMinor) {
        return new RefundClaim(orderId, eventId, "C-1", "GBP", amountMinor);
    }
}
