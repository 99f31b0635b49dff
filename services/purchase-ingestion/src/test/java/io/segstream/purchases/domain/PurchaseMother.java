package io.segstream.purchases.domain;

import io.segstream.contracts.Channel;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test purchases: a valid one (the contract's example) that each test bends in the one way it needs. */
public final class PurchaseMother {
    public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    String eventId = "evt-" + UUID.randomUUID();
    PurchaseType type = PurchaseType.PURCHASE;
    String customerId = "C-10023";
    String orderId = "SO-" + UUID.randomUUID();
    Instant occurredAt = Instant.parse("2026-11-20T09:14:03Z");
    Channel channel = Channel.STORE;
    String storeId = "SH-017";
    String region = "CN-SH";
    String currency = "CNY";
    BigDecimal totalAmount = new BigDecimal("458.00");
    BigDecimal discountAmount = new BigDecimal("40.00");
    List<LineItem> items = new ArrayList<>(List.of(
            new LineItem("MILK-ORG-900", "infant-formula/organic", 2, new BigDecimal("249.00"))));
    String source = "pos-shanghai";

    public static PurchaseMother purchase() {
        return new PurchaseMother();
    }

    /** A refund of the given amount of an order, without line items. */
    public static PurchaseMother refundOf(String orderId, String amount) {
        PurchaseMother refund = new PurchaseMother();
        refund.type = PurchaseType.REFUND;
        refund.orderId = orderId;
        refund.totalAmount = new BigDecimal(amount);
        refund.discountAmount = null;
        refund.items = null;
        return refund;
    }

    public PurchaseMother eventId(String value) { eventId = value; return this; }
    public PurchaseMother type(PurchaseType value) { type = value; return this; }
    public PurchaseMother customerId(String value) { customerId = value; return this; }
    public PurchaseMother orderId(String value) { orderId = value; return this; }
    public PurchaseMother occurredAt(Instant value) { occurredAt = value; return this; }
    public PurchaseMother channel(Channel value) { channel = value; return this; }
    public PurchaseMother storeId(String value) { storeId = value; return this; }
    public PurchaseMother region(String value) { region = value; return this; }
    public PurchaseMother currency(String value) { currency = value; return this; }
    public PurchaseMother total(String value) { totalAmount = value == null ? null : new BigDecimal(value); return this; }
    public PurchaseMother discount(String value) { discountAmount = value == null ? null : new BigDecimal(value); return this; }
    public PurchaseMother items(List<LineItem> value) { items = value; return this; }
    public PurchaseMother source(String value) { source = value; return this; }

    /** Replaces the items by one line and sets the total to match it (no discount). */
    public PurchaseMother singleItem(int quantity, String unitPrice) {
        items = new ArrayList<>(List.of(new LineItem("SKU-1", "cat/sub", quantity, new BigDecimal(unitPrice))));
        discountAmount = null;
        totalAmount = new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity));
        return this;
    }

    public PurchaseSubmitted build() {
        return new PurchaseSubmitted(eventId, type, customerId, orderId, occurredAt, channel, storeId, region,
                currency, totalAmount, discountAmount, items, source);
    }

    public static LineItem item(String sku, Integer quantity, String unitPrice) {
        return new LineItem(sku, "cat", quantity, unitPrice == null ? null : new BigDecimal(unitPrice));
    }
}
