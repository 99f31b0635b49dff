package io.segstream.localstack.faults;

import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.EventContract;
import io.segstream.contracts.registry.Contracts;
import io.segstream.localstack.bench.RatePacer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * The steady stream of the fault-injection suite, at least once from the producer's side: purchases mostly to
 * purchases.incoming.v1 and some over POST /api/v1/purchases, NPS answers to feedback.incoming.v1, a share of them
 * sent twice on purpose (some of the HTTP ones the second time through Kafka). A Kafka send that fails is sent again
 * with the same eventId; an HTTP post is retried with the same eventId on 503, 429, 5xx and connection errors until a
 * 2xx answers it. Every distinct event goes into the {@link Ledger} before its first send.
 */
final class TrafficDriver implements AutoCloseable {
    private static final String[] REGIONS = {"CN-SH", "CN-JS", "CN-BJ", "CN-GD", "CN-SC", "US-CA"};
    private static final String[] CHANNELS = {"ONLINE", "MOBILE_APP", "STORE", "MARKETPLACE", "PHONE"};
    private static final String[] TOPICS = {"PRICE", "QUALITY", "SERVICE", "DELIVERY"};
    private static final String SOURCE = "fault-injection";
    private static final Duration DELIVERY_CHECK = Duration.ofMillis(200);

    private final Ledger ledger;
    private final Random random;
    private final int customers;
    private final double eventsPerSecond;
    private final String purchasesUrl;
    private final Supplier<String> ingestBearer;
    private final KafkaProducer<String, byte[]> producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final BlockingQueue<Ledger.SentPurchase> httpQueue = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Runnable> kafkaResends = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kafkaInFlight = new AtomicInteger();
    /** Posts queued or under way: counted from the moment they are queued, so none slips through a check. */
    private final AtomicInteger httpOutstanding = new AtomicInteger();
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean producing;
    private volatile boolean running;
    private Thread generator;
    private Thread poster;

    TrafficDriver(Ledger ledger, long seed, int customers, double eventsPerSecond, String bootstrapServers,
                  String purchaseIngestionUrl, Supplier<String> ingestBearer) {
        this.ledger = ledger;
        this.random = new Random(seed);
        this.customers = customers;
        this.eventsPerSecond = eventsPerSecond;
        this.purchasesUrl = purchaseIngestionUrl + "/api/v1/purchases";
        this.ingestBearer = ingestBearer;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // A broker restart must not make send() throw: it waits, and a late failure is sent again.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000));
    }

    void start() {
        running = true;
        producing = true;
        generator = new Thread(this::generate, "fault-traffic");
        poster = new Thread(this::post, "fault-traffic-http");
        generator.setDaemon(true);
        poster.setDaemon(true);
        generator.start();
        poster.start();
    }

    /** Stops producing new events; what was sent is still delivered (see {@link #awaitDelivered}). */
    void stopProducing() throws InterruptedException {
        producing = false;
        generator.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** Waits until every Kafka send is acknowledged (resending failed ones) and every HTTP post got its 2xx. */
    void awaitDelivered(Duration timeout) {
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(DELIVERY_CHECK).until(() -> {
                Runnable resend;
                while ((resend = kafkaResends.poll()) != null) {
                    resend.run();
                }
                producer.flush();
                return kafkaInFlight.get() == 0 && kafkaResends.isEmpty() && httpOutstanding.get() == 0;
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("traffic not delivered within " + timeout + ": " + kafkaInFlight.get()
                    + " Kafka sends, " + httpOutstanding.get() + " HTTP posts outstanding", e);
        }
    }

    /** Anything the services refused that they should have taken (a 4xx other than 429): must stay empty. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        producing = false;
        running = false;
        closed.countDown();
        if (poster != null) {
            poster.interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Offers the load at a fixed rate whatever the services do, as the bench's producers do (an open model). */
    private void generate() {
        RatePacer pacer = new RatePacer(eventsPerSecond, System::nanoTime);
        for (long index = 0; ; index++) {
            pacer.awaitTurn(index);
            if (!producing) {
                return;
            }
            Runnable resend;
            while ((resend = kafkaResends.poll()) != null) {
                resend.run();
            }
            try {
                oneEvent();
            } catch (RuntimeException e) {
                problems.add("the generator failed: " + e);
                return;
            }
        }
    }

    private void oneEvent() {
        double dice = random.nextDouble();
        if (ledger.purchaseCount() > 20 && dice < 0.06) {
            duplicate();
        } else if (ledger.purchaseCount() > 20 && dice < 0.26) {
            newFeedback();
        } else {
            newPurchase();
        }
    }

    private void newPurchase() {
        int index = random.nextInt(customers);
        String customer = "fi-c%04d".formatted(index);
        // One region and one channel per customer: the two dimensions are then exact by construction.
        String region = REGIONS[index % REGIONS.length];
        String channel = CHANNELS[(index / REGIONS.length) % CHANNELS.length];
        String eventId = "fi-p-" + UUID.randomUUID();
        Instant occurredAt = now.minus(1 + random.nextInt(200), ChronoUnit.DAYS)
                .plusSeconds(random.nextInt(86_400));
        int quantity = 1 + random.nextInt(3);
        BigDecimal unitPrice = BigDecimal.valueOf(500 + random.nextInt(99_500), 2);
        BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
        BigDecimal discount = random.nextInt(4) == 0 ? BigDecimal.valueOf(random.nextInt(300), 2) : BigDecimal.ZERO
                .setScale(2);
        BigDecimal total = gross.subtract(discount);
        boolean viaHttp = random.nextDouble() < 0.15;
        String json = """
                {"eventId":"%s","type":"PURCHASE","customerId":"%s","orderId":"SO-%s","occurredAt":"%s",\
                "channel":"%s","region":"%s","currency":"CNY","totalAmount":"%s","discountAmount":"%s",\
                "items":[{"sku":"SKU-%d","category":"grocery/fresh","quantity":%d,"unitPrice":"%s"}],\
                "source":"%s"}""".formatted(eventId, customer, eventId.substring(5), occurredAt, channel, region,
                total.toPlainString(), discount.toPlainString(), random.nextInt(50), quantity,
                unitPrice.toPlainString(), SOURCE);
        Ledger.SentPurchase purchase = new Ledger.SentPurchase(eventId, customer, total, occurredAt, region, channel,
                viaHttp, json);
        ledger.purchase(purchase);
        if (viaHttp) {
            postLater(purchase);
        } else {
            sendToKafka(Contracts.PURCHASE_SUBMITTED, customer, eventId, occurredAt, json);
        }
    }

    private void newFeedback() {
        String customer = ledger.purchaseAt(random.nextInt(ledger.purchaseCount())).customerId();
        String eventId = "fi-f-" + UUID.randomUUID();
        Instant occurredAt = now.minus(1 + random.nextInt(60), ChronoUnit.DAYS).plusSeconds(random.nextInt(86_400));
        int score = random.nextInt(11);
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        String json = """
                {"eventId":"%s","kind":"NPS_SURVEY","customerId":"%s","occurredAt":"%s","score":%d,\
                "channel":"ONLINE","topics":["%s"],"source":"%s"}""".formatted(eventId, customer, occurredAt,
                score, topic, SOURCE);
        ledger.feedback(new Ledger.SentFeedback(eventId, customer, occurredAt, score, topic, json));
        sendToKafka(Contracts.FEEDBACK_SUBMITTED, customer, eventId, occurredAt, json);
    }

    /** The same event again: the same path, or (for an HTTP purchase, one time in two) through Kafka. */
    private void duplicate() {
        ledger.deliberateDuplicates.incrementAndGet();
        if (random.nextInt(4) == 0 && ledger.feedbackCount() > 0) {
            Ledger.SentFeedback f = ledger.feedbackAt(random.nextInt(ledger.feedbackCount()));
            sendToKafka(Contracts.FEEDBACK_SUBMITTED, f.customerId(), f.eventId(), f.occurredAt(), f.json());
            return;
        }
        Ledger.SentPurchase p = ledger.purchaseAt(random.nextInt(ledger.purchaseCount()));
        if (p.http() && random.nextBoolean()) {
            postLater(p);
        } else {
            if (p.http()) {
                ledger.crossPathDuplicates.incrementAndGet();
            }
            sendToKafka(Contracts.PURCHASE_SUBMITTED, p.customerId(), p.eventId(), p.occurredAt(), p.json());
        }
    }

    private void sendToKafka(EventContract<?> contract, String key, String eventId, Instant time, String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(contract.topic(), key,
                json.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.forEvent(contract, eventId, SOURCE, time)
                .forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        Runnable again = () -> {
            ledger.kafkaResends.incrementAndGet();
            sendToKafka(contract, key, eventId, time, json);
        };
        kafkaInFlight.incrementAndGet();
        ledger.sends.incrementAndGet();
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    kafkaResends.add(again);
                }
                kafkaInFlight.decrementAndGet();
            });
        } catch (RuntimeException e) {
            kafkaInFlight.decrementAndGet();
            kafkaResends.add(again);
        }
    }

    private void postLater(Ledger.SentPurchase purchase) {
        httpOutstanding.incrementAndGet();
        httpQueue.add(purchase);
    }

    private void post() {
        while (running) {
            Ledger.SentPurchase purchase;
            try {
                purchase = httpQueue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (purchase == null) {
                continue;
            }
            try {
                postUntilTaken(purchase);
            } catch (InterruptedException e) {
                return;
            } finally {
                httpOutstanding.decrementAndGet();
            }
        }
    }

    /** Posts the same event until a 2xx answers it: 201/202 taken, 200 a duplicate of an earlier attempt. */
    private void postUntilTaken(Ledger.SentPurchase purchase) throws InterruptedException {
        for (int attempt = 0; running; attempt++) {
            ledger.sends.incrementAndGet();
            ledger.httpSends.incrementAndGet();
            if (attempt > 0) {
                ledger.httpRetries.incrementAndGet();
            }
            long waitMillis = 1_000;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(purchasesUrl))
                        .timeout(Duration.ofSeconds(15))
                        .header("Content-Type", "application/json")
                        .header("Authorization", ingestBearer.get())
                        .POST(HttpRequest.BodyPublishers.ofString(purchase.json())).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return;
                }
                if (status != 429 && status < 500) {
                    problems.add("POST " + purchase.eventId() + " answered " + status + ": " + response.body());
                    return;
                }
                waitMillis = response.headers().firstValue("Retry-After")
                        .map(seconds -> Math.min(5_000, Long.parseLong(seconds.trim()) * 1_000)).orElse(1_000L);
            } catch (IOException e) {
                // Connection refused or reset (the service is being killed or restarted): the same event again.
            }
            // A client's back-off as the service asks for it; closing the driver ends it at once.
            if (closed.await(waitMillis, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }
}
