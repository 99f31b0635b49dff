package io.segstream.localstack.bench;

import io.segstream.contracts.Channel;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic purchases for the benchmark, shaped like the demo's (one or two lines of a retail assortment, regional
 * currencies, discounts, store or online channel): about 370-450 bytes of JSON each. Event {@code i} goes to customer
 * {@code i mod customers}, so the first {@code customers} events are each customer's first purchase, which always
 * produces segment changes (every dimension's first classification).
 */
final class BenchPurchases {
    /** A product of the assortment; its price is in CNY, the reporting currency. */
    record Product(String sku, String category, BigDecimal price) {
    }

    record Region(String code, String currency, BigDecimal cnyPerUnit) {
    }

    /** The assortment, shared with {@link ProfileSeed} so that seeded customers bought the same things. */
    static final List<Product> PRODUCTS = List.of(
            new Product("MILK-ORG-900", "infant-formula/organic", new BigDecimal("249.00")),
            new Product("MILK-STD-400", "infant-formula/standard", new BigDecimal("79.00")),
            new Product("DIAP-M-60", "diapers", new BigDecimal("99.00")),
            new Product("TOY-BLOCK-100", "toys", new BigDecimal("199.00")),
            new Product("APP-JACKET-W", "apparel/kids", new BigDecimal("269.00")),
            new Product("GRO-RICE-5KG", "grocery", new BigDecimal("45.00")),
            new Product("ELEC-MONITOR", "electronics", new BigDecimal("899.00")),
            new Product("BEAU-CREAM-50", "beauty", new BigDecimal("189.00")));
    static final List<Region> REGIONS = List.of(
            new Region("CN-SH", "CNY", BigDecimal.ONE),
            new Region("CN-BJ", "CNY", BigDecimal.ONE),
            new Region("US-CA", "USD", new BigDecimal("7.10")),
            new Region("GB-LND", "GBP", new BigDecimal("9.00")),
            new Region("DE-BE", "EUR", new BigDecimal("7.70")));
    static final int MAX_LINES = 2;
    /** The share of orders with a discount (of {@link #DISCOUNT}). */
    static final double DISCOUNT_SHARE = 0.3;
    /** The discount of a discounted order, as a share of its price before discount. */
    static final BigDecimal DISCOUNT = new BigDecimal("0.1");

    private final String customerPrefix;
    private final int customers;
    private final Random random;

    /** Customers are named {@code <prefix>-<number>}; a distinct prefix per phase gives each phase new customers. */
    BenchPurchases(String customerPrefix, int customers, long seed) {
        this.customerPrefix = customerPrefix;
        this.customers = customers;
        this.random = new Random(seed);
    }

    String customerOf(long index) {
        return customerPrefix + "-" + (index % customers);
    }

    /**
     * The purchase as purchase-ingestion records it on purchases.recorded.v1 (its total converted into CNY, the
     * reporting currency): what segmentation consumes, for the steps that measure segmentation alone.
     */
    PurchaseRecorded recorded(long index, Instant at) {
        PurchaseSubmitted submitted = purchase(index, at);
        Region region = REGIONS.stream().filter(r -> r.code().equals(submitted.region())).findFirst().orElseThrow();
        return new PurchaseRecorded(submitted.eventId(), submitted.type(), submitted.customerId(),
                submitted.orderId(), submitted.occurredAt(), submitted.channel(), submitted.storeId(),
                submitted.region(), submitted.currency(), submitted.totalAmount(), submitted.discountAmount(),
                submitted.items(), submitted.source(), at,
                submitted.totalAmount().multiply(region.cnyPerUnit()).setScale(2, RoundingMode.HALF_UP), "CNY");
    }

    PurchaseSubmitted purchase(long index, Instant at) {
        String customer = customerOf(index);
        int customerNumber = (int) (index % customers);
        Region region = REGIONS.get(customerNumber % REGIONS.size());
        Channel channel = Channel.values()[customerNumber % Channel.values().length];
        int lines = 1 + random.nextInt(MAX_LINES);
        List<LineItem> items = new ArrayList<>(lines);
        BigDecimal gross = BigDecimal.ZERO;
        for (int i = 0; i < lines; i++) {
            Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            BigDecimal unitPrice = product.price().divide(region.cnyPerUnit(), 2, RoundingMode.HALF_UP);
            int quantity = 1 + random.nextInt(2);
            items.add(new LineItem(product.sku(), product.category(), quantity, unitPrice));
            gross = gross.add(unitPrice.multiply(BigDecimal.valueOf(quantity)));
        }
        BigDecimal discount = random.nextDouble() < DISCOUNT_SHARE
                ? gross.multiply(DISCOUNT).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(2);
        String eventId = UUID.randomUUID().toString();
        String store = channel == Channel.STORE ? region.code() + "-0" + (1 + customerNumber % 9) : null;
        return new PurchaseSubmitted(eventId, PurchaseType.PURCHASE, customer, "SO-" + eventId.substring(0, 13), at,
                channel, store, region.code(), region.currency(), gross.subtract(discount), discount, items,
                channel == Channel.STORE ? "pos-bench" : "shop-bench");
    }
}
