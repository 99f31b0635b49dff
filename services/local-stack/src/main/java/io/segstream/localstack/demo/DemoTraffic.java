package io.segstream.localstack.demo;

import io.segstream.contracts.Channel;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.contracts.registry.Contracts;
import io.segstream.localstack.ContractProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Simulated retail traffic for the local stack: a population of shoppers of several personas buying in stores (POS,
 * over Kafka) and online (e-commerce, over HTTP), refunding, answering surveys, reviewing, complaining and referring
 * friends, with a small share of broken messages so the dead-letter path is visible too. On first start it backfills
 * a purchase history with past event times, so lifecycle and churn classes appear at once.
 */
public final class DemoTraffic implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final String SOURCE = "segstream-demo";
    /** Shares of live actions; the rest are purchases. */
    private static final double FEEDBACK_SHARE = 0.15;
    private static final double REFUND_SHARE = 0.03;
    private static final double BROKEN_SHARE = 0.01;
    private static final int DAYS_PER_RATE_PERIOD = 30;

    private final DemoSettings settings;
    private final ContractProducer producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Clock clock;
    private final Random random;
    private final List<DemoCustomer> customers = new ArrayList<>();
    private final Map<String, PurchaseSubmitted> lastOrderByCustomer = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    /** A shopper: pseudonymous id, persona, home region, favourite category and preferred channel. */
    record DemoCustomer(String id, DemoPersona persona, DemoCatalogue.Region region, String favouriteCategory,
                        Channel channel) {
    }

    /**
     * @param authorization the {@code Authorization} header of the demo's HTTP posts (a renewed INGEST token)
     */
    public record DemoSettings(int customers, int historyDays, double eventsPerSecond, String purchasesUrl,
                               String feedbackUrl, long seed, Supplier<String> authorization) {
    }

    public DemoTraffic(DemoSettings settings, ContractProducer producer, Clock clock) {
        this.settings = settings;
        this.producer = producer;
        this.clock = clock;
        this.random = new Random(settings.seed());
        List<String> categories = DemoCatalogue.PRODUCTS.stream().map(DemoCatalogue.Product::category).distinct()
                .toList();
        Random population = new Random(settings.seed());
        for (int i = 1; i <= settings.customers(); i++) {
            DemoPersona persona = DemoPersona.at(population.nextDouble());
            DemoCatalogue.Region region = DemoCatalogue.REGIONS.get(population.nextInt(DemoCatalogue.REGIONS.size()));
            Channel channel = Channel.values()[population.nextInt(Channel.values().length)];
            customers.add(new DemoCustomer(String.format("C-%05d", i), persona, region,
                    categories.get(population.nextInt(categories.size())), channel));
        }
    }

    /**
     * Publishes a purchase history over the past {@code historyDays} with deterministic event ids, so running it
     * again (a restart that lost its marker) records nothing twice. Returns the number of events sent.
     */
    public long backfillHistory() {
        Instant now = clock.instant();
        long count = 0;
        for (DemoCustomer customer : customers) {
            Random rng = new Random(customer.id().hashCode() ^ settings.seed());
            double perDay = customer.persona().purchasesPer30Days() / DAYS_PER_RATE_PERIOD;
            // Lapsing shoppers stopped buying 45-120 days ago; the others buy up to now.
            int silentDays = customer.persona().lapsing() ? 45 + rng.nextInt(76) : 0;
            int n = 0;
            for (int day = settings.historyDays(); day > silentDays; day--) {
                if (rng.nextDouble() < perDay) {
                    Instant at = now.minus(Duration.ofDays(day)).plusSeconds(rng.nextInt(12 * 3600) + 8 * 3600);
                    String eventId = UUID.nameUUIDFromBytes(("demo-history:" + customer.id() + ":" + n++)
                            .getBytes(StandardCharsets.UTF_8)).toString();
                    PurchaseSubmitted purchase = purchase(customer, eventId, at, rng, storeChannel(customer, rng));
                    producer.send(Contracts.PURCHASE_SUBMITTED, customer.id(), eventId, at, purchase);
                    count++;
                }
            }
        }
        producer.flush();
        counter("history purchases").addAndGet(count);
        return count;
    }

    @Override
    public void run() {
        long intervalNanos = (long) (1_000_000_000L / settings.eventsPerSecond());
        long next = System.nanoTime();
        while (running) {
            try {
                step();
            } catch (RuntimeException e) {
                counter("errors").incrementAndGet();
                log.debug("demo step failed: {}", e.toString());
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else if (-wait > Duration.ofSeconds(1).toNanos()) {
                next = System.nanoTime(); // fell behind: do not burst to catch up
            }
        }
    }

    /** One simulated action: a purchase, a refund, a piece of feedback or, rarely, a broken message. */
    void step() {
        DemoCustomer customer = activeCustomer();
        double roll = random.nextDouble();
        Instant now = clock.instant();
        if (roll < BROKEN_SHARE) {
            sendBroken(customer, now);
        } else if (roll < BROKEN_SHARE + REFUND_SHARE && lastOrderByCustomer.containsKey(customer.id())) {
            sendRefund(customer, now);
        } else if (roll < BROKEN_SHARE + REFUND_SHARE + FEEDBACK_SHARE) {
            sendFeedback(customer, now);
        } else {
            Channel channel = storeChannel(customer, random);
            PurchaseSubmitted purchase = purchase(customer, UUID.randomUUID().toString(), now, random, channel);
            if (channel == Channel.ONLINE || channel == Channel.MOBILE_APP) {
                post(settings.purchasesUrl(), purchase, "purchases via HTTP");
            } else {
                producer.send(Contracts.PURCHASE_SUBMITTED, customer.id(), purchase.eventId(), now, purchase);
                counter("purchases via Kafka").incrementAndGet();
            }
            lastOrderByCustomer.put(customer.id(), purchase);
        }
    }

    /** Lapsing shoppers never buy again; everybody else is picked in proportion to their persona's rate. */
    private DemoCustomer activeCustomer() {
        while (true) {
            DemoCustomer candidate = customers.get(random.nextInt(customers.size()));
            if (!candidate.persona().lapsing()
                    && random.nextDouble() < candidate.persona().purchasesPer30Days() / DemoPersona.VIP.purchasesPer30Days()) {
                return candidate;
            }
        }
    }

    private PurchaseSubmitted purchase(DemoCustomer customer, String eventId, Instant at, Random rng,
                                       Channel channel) {
        int lines = 1 + rng.nextInt(3);
        List<LineItem> items = new ArrayList<>();
        BigDecimal gross = BigDecimal.ZERO;
        for (int i = 0; i < lines; i++) {
            DemoCatalogue.Product product = rng.nextDouble() < 0.6
                    ? favourite(customer, rng)
                    : DemoCatalogue.PRODUCTS.get(rng.nextInt(DemoCatalogue.PRODUCTS.size()));
            BigDecimal unitPrice = product.price().multiply(BigDecimal.valueOf(customer.persona().basketFactor()))
                    .divide(customer.region().cnyPerUnit(), 2, RoundingMode.HALF_UP);
            int quantity = 1 + rng.nextInt(2);
            items.add(new LineItem(product.sku(), product.category(), quantity, unitPrice));
            gross = gross.add(unitPrice.multiply(BigDecimal.valueOf(quantity)));
        }
        BigDecimal discount = rng.nextDouble() < customer.persona().discountShare()
                ? gross.multiply(BigDecimal.valueOf(0.05 + 0.25 * rng.nextDouble())).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(2);
        String store = channel == Channel.STORE ? customer.region().code().replace("CN-", "") + "-0" + (1 + rng.nextInt(9))
                : null;
        return new PurchaseSubmitted(eventId, PurchaseType.PURCHASE, customer.id(), "SO-" + eventId.substring(0, 13),
                at, channel, store, customer.region().code(), customer.region().currency(),
                gross.subtract(discount), discount, items, channel == Channel.STORE ? "pos-demo" : "shop-demo");
    }

    private DemoCatalogue.Product favourite(DemoCustomer customer, Random rng) {
        List<DemoCatalogue.Product> favourites = DemoCatalogue.PRODUCTS.stream()
                .filter(p -> p.category().equals(customer.favouriteCategory())).toList();
        return favourites.get(rng.nextInt(favourites.size()));
    }

    /** Mostly the customer's own channel; omnichannel behaviour some of the time. */
    private static Channel storeChannel(DemoCustomer customer, Random rng) {
        return rng.nextDouble() < 0.75 ? customer.channel() : Channel.values()[rng.nextInt(Channel.values().length)];
    }

    private void sendRefund(DemoCustomer customer, Instant now) {
        PurchaseSubmitted order = lastOrderByCustomer.remove(customer.id());
        LineItem item = order.items().get(0);
        BigDecimal amount = item.unitPrice().min(order.totalAmount());
        String eventId = UUID.randomUUID().toString();
        PurchaseSubmitted refund = new PurchaseSubmitted(eventId, PurchaseType.REFUND, customer.id(), order.orderId(),
                now, order.channel(), order.storeId(), order.region(), order.currency(), amount,
                BigDecimal.ZERO.setScale(2), List.of(new LineItem(item.sku(), item.category(), 1, amount)),
                order.source());
        producer.send(Contracts.PURCHASE_SUBMITTED, customer.id(), eventId, now, refund);
        counter("refunds via Kafka").incrementAndGet();
    }

    private void sendFeedback(DemoCustomer customer, Instant now) {
        double roll = random.nextDouble();
        DemoPersona persona = customer.persona();
        int nps = persona.minNps() + random.nextInt(persona.maxNps() - persona.minNps() + 1);
        String eventId = UUID.randomUUID().toString();
        FeedbackKind kind;
        Integer score = null;
        ComplaintSeverity severity = null;
        String referred = null;
        if (roll < 0.40) {
            kind = FeedbackKind.NPS_SURVEY;
            score = nps;
        } else if (roll < 0.65) {
            kind = FeedbackKind.REVIEW;
            score = Math.max(1, Math.min(5, (nps + 1) / 2));
        } else if (roll < 0.80) {
            kind = FeedbackKind.CSAT_SURVEY;
            score = Math.max(1, Math.min(5, (nps + 1) / 2));
        } else if (roll < 0.90) {
            kind = FeedbackKind.COMPLAINT;
            severity = ComplaintSeverity.values()[random.nextInt(ComplaintSeverity.values().length)];
            nps = 0;
        } else if (roll < 0.95) {
            kind = FeedbackKind.SUPPORT_TICKET;
            severity = ComplaintSeverity.LOW;
        } else {
            kind = FeedbackKind.REFERRAL;
            referred = customers.get(random.nextInt(customers.size())).id();
            if (referred.equals(customer.id())) {
                return;
            }
        }
        List<String> texts = nps >= 9 ? DemoFeedbackTexts.POSITIVE
                : nps >= 7 ? DemoFeedbackTexts.NEUTRAL : DemoFeedbackTexts.NEGATIVE;
        String text = kind == FeedbackKind.REFERRAL ? null : texts.get(random.nextInt(texts.size()));
        FeedbackSubmitted feedback = new FeedbackSubmitted(eventId, kind, customer.id(), now, score, text, null,
                customer.channel(), null, referred, severity, "survey-demo");
        if (kind == FeedbackKind.REVIEW) {
            post(settings.feedbackUrl(), feedback, "feedback via HTTP");
        } else {
            producer.send(Contracts.FEEDBACK_SUBMITTED, customer.id(), eventId, now, feedback);
            counter("feedback via Kafka").incrementAndGet();
        }
    }

    /** A message a buggy till might send: the service must dead-letter it and carry on. */
    private void sendBroken(DemoCustomer customer, Instant now) {
        String eventId = UUID.randomUUID().toString();
        byte[] payload = random.nextBoolean()
                ? "{\"eventId\":\"broken\",\"type\":\"PURCHASE\",".getBytes(StandardCharsets.UTF_8)
                : ("{\"eventId\":\"" + eventId + "\",\"type\":\"PURCHASE\",\"customerId\":\"" + customer.id()
                + "\",\"orderId\":\"SO-X\",\"occurredAt\":\"" + now + "\",\"channel\":\"STORE\",\"currency\":\"CNY\","
                + "\"totalAmount\":\"-5.00\",\"discountAmount\":\"0.00\",\"items\":[{\"sku\":\"X\",\"quantity\":1,"
                + "\"unitPrice\":\"-5.00\"}],\"source\":\"pos-demo\"}").getBytes(StandardCharsets.UTF_8);
        producer.sendRaw(Contracts.PURCHASE_SUBMITTED, customer.id(), eventId, now, payload);
        counter("broken messages via Kafka").incrementAndGet();
    }

    private void post(String url, Object body, String counterName) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("Authorization", settings.authorization().get())
                .POST(HttpRequest.BodyPublishers.ofByteArray(ContractJson.mapper().writeValueAsBytes(body)))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            counter(response.statusCode() < 300 ? counterName : counterName + " refused (" + response.statusCode() + ")")
                    .incrementAndGet();
        } catch (IOException e) {
            counter(counterName + " failed").incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private AtomicLong counter(String name) {
        return sent.computeIfAbsent(name, k -> new AtomicLong());
    }

    /** What the demo has sent so far, by kind and path. */
    public Map<String, Long> sent() {
        Map<String, Long> snapshot = new java.util.TreeMap<>();
        sent.forEach((name, count) -> snapshot.put(name, count.get()));
        return snapshot;
    }

    @Override
    public void close() {
        running = false;
    }
}
