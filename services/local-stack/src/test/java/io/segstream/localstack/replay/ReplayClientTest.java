package io.segstream.localstack.replay;

import io.segstream.contracts.Channel;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.localstack.replay.ReplayClient.ReplayFailedException;
import io.segstream.localstack.replay.ReplayTally.ItemOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replay's HTTP client against a stub of the batch endpoint; waits are recorded, not slept. */
class ReplayClientTest {
    private final PurchaseIngestionStub stub = new PurchaseIngestionStub();
    private final List<Duration> pauses = new ArrayList<>();
    private final ReplayClient client = new ReplayClient(HttpClient.newHttpClient(), stub.url(), 3, pauses::add,
            () -> PurchaseIngestionStub.AUTHORIZATION);

    @AfterEach
    void stop() {
        stub.close();
    }

    static PurchaseSubmitted purchase(String id) {
        return new PurchaseSubmitted(id, PurchaseType.PURCHASE, "C-1", "O-" + id, Instant.parse("2011-01-01T00:00:00Z"),
                Channel.ONLINE, null, null, "GBP", new BigDecimal("1.00"), null,
                List.of(new LineItem("A", null, 1, new BigDecimal("1.00"))), "test");
    }

    static List<PurchaseSubmitted> purchases(int n) {
        return IntStream.range(0, n).mapToObj(i -> purchase("e-" + i)).toList();
    }

    @Test
    void returnsTheServicesAnswerPerEvent() throws Exception {
        client.send(List.of(purchase("e-0")));
        List<ItemOutcome> outcomes = client.send(List.of(purchase("e-0"), purchase("e-1")));
        assertThat(outcomes).containsExactly(new ItemOutcome("DUPLICATE", null), new ItemOutcome("ACCEPTED", null));
    }

    @Test
    void aBatchTheServiceFindsTooLargeIsSplitInHalves() throws Exception {
        stub.refuseBatchesAbove(3);
        List<ItemOutcome> outcomes = client.send(purchases(10));
        assertThat(outcomes).hasSize(10).allMatch(o -> o.status().equals("ACCEPTED"));
        assertThat(stub.batchSizes()).containsExactly(2, 3, 2, 3);
    }

    @Test
    void aSingleEventTooLargeIsCountedAsRejected() throws Exception {
        stub.refuseBatchesAbove(0);
        assertThat(client.send(List.of(purchase("big"))))
                .containsExactly(new ItemOutcome("REJECTED", "PAYLOAD_TOO_LARGE"));
    }

    @Test
    void waitsAsToldWhileTheServiceIsUnavailable() throws Exception {
        stub.answerNext(503, "7", "{\"code\":\"SERVICE_UNAVAILABLE\"}");
        stub.answerNext(429, null, "");
        assertThat(client.send(List.of(purchase("e-1")))).containsExactly(new ItemOutcome("ACCEPTED", null));
        assertThat(pauses).containsExactly(Duration.ofSeconds(7), ReplayClient.DEFAULT_WAIT);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        for (int i = 0; i < 3; i++) {
            stub.answerNext(503, "120", "");
        }
        assertThatThrownBy(() -> client.send(List.of(purchase("e-1")))).isInstanceOf(ReplayFailedException.class)
                .hasMessageContaining("503").hasMessageContaining("3 attempts");
        assertThat(pauses).containsExactly(ReplayClient.MAX_WAIT, ReplayClient.MAX_WAIT);
    }

    @Test
    void anUnreachableServiceEndsTheReplay() {
        ReplayClient nowhere = new ReplayClient(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1"), 2,
                pauses::add, () -> PurchaseIngestionStub.AUTHORIZATION);
        assertThatThrownBy(() -> nowhere.send(List.of(purchase("e-1")))).isInstanceOf(ReplayFailedException.class)
                .hasMessageContaining("cannot reach").hasMessageContaining("./segstream run");
    }

    @Test
    void aRefusedTokenEndsTheReplayAtOnceNamingTheKey() {
        ReplayClient stranger = new ReplayClient(HttpClient.newHttpClient(), stub.url(), 3, pauses::add,
                () -> "Bearer signed-with-another-key");
        assertThatThrownBy(() -> stranger.send(List.of(purchase("e-1")))).isInstanceOf(ReplayFailedException.class)
                .hasMessageContaining("401").hasMessageContaining("UNAUTHENTICATED")
                .hasMessageContaining(".segstream/local-signing.key");
        assertThat(pauses).as("a refused token is not retried").isEmpty();
        assertThat(stub.recordedCount()).isZero();
    }

    @Test
    void aTokenAboutToExpireIsRenewedBetweenAttempts() throws Exception {
        stub.answerNext(503, "1", "");
        List<String> handedOut = new ArrayList<>();
        ReplayClient renewing = new ReplayClient(HttpClient.newHttpClient(), stub.url(), 3, pauses::add, () -> {
            handedOut.add(PurchaseIngestionStub.AUTHORIZATION);
            return PurchaseIngestionStub.AUTHORIZATION;
        });
        assertThat(renewing.send(List.of(purchase("e-1")))).containsExactly(new ItemOutcome("ACCEPTED", null));
        assertThat(handedOut).as("the header is asked for per attempt").hasSize(2);
    }

    @Test
    void anyOtherErrorEndsTheReplayWithItsCode() {
        stub.answerNext(400, null, "{\"code\":\"MALFORMED_JSON\"}");
        assertThatThrownBy(() -> client.send(List.of(purchase("e-1")))).isInstanceOf(ReplayFailedException.class)
                .hasMessageContaining("400").hasMessageContaining("MALFORMED_JSON");
    }

    @Test
    void anAnswerWithoutOneResultPerEventEndsTheReplay() {
        stub.answerNext(200, null, "{\"results\":[]}");
        assertThatThrownBy(() -> client.send(List.of(purchase("e-1")))).isInstanceOf(ReplayFailedException.class)
                .hasMessageContaining("one result per event");
    }
}
