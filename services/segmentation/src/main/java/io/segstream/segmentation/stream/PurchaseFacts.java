package io.segstream.segmentation.stream;

import io.segstream.contracts.Ids;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.runtime.messaging.ContractViolation;
import io.segstream.segmentation.domain.CategoryShare;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a recorded purchase into the facts a profile keeps, refusing (as a {@link ContractViolation}) one that
 * lacks what every figure needs. Messages name the field, never its value.
 */
final class PurchaseFacts {
    /** Digits kept of a discount share, like category shares. */
    private static final int SHARE_SCALE = 4;

    private PurchaseFacts() {
    }

    static PurchaseFact from(PurchaseRecorded event, int maxCategories) {
        requireId("eventId", event.eventId());
        requireId("customerId", event.customerId());
        require("type", event.type());
        require("occurredAt", event.occurredAt());
        require("reportingAmount", event.reportingAmount());
        if (event.reportingAmount().signum() < 0) {
            throw new ContractViolation(ContractDecoder.INVALID_FIELD, "field reportingAmount must not be negative");
        }
        return new PurchaseFact(event.eventId(), event.customerId(),
                event.type() == PurchaseType.REFUND ? PurchaseKind.REFUND : PurchaseKind.PURCHASE,
                event.occurredAt(), event.signedReportingAmount(), event.reportingCurrency(),
                event.channel() == null ? null : event.channel().name(), event.region(),
                CategoryShare.of(lineTotalsByCategory(event.items()), maxCategories), discountShare(event));
    }

    private static Map<String, BigDecimal> lineTotalsByCategory(List<LineItem> items) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        if (items == null) {
            return totals;
        }
        for (LineItem item : items) {
            if (item != null && item.category() != null && item.unitPrice() != null && item.quantity() != null) {
                totals.merge(item.category(), item.lineTotal(), BigDecimal::add);
            }
        }
        return totals;
    }

    /** Discount as a share of the price before discount: 40 off a 458 paid order is 40 / 498. */
    private static BigDecimal discountShare(PurchaseRecorded event) {
        if (event.discountAmount() == null || event.totalAmount() == null) {
            return null;
        }
        BigDecimal listPrice = event.totalAmount().add(event.discountAmount());
        if (listPrice.signum() <= 0 || event.discountAmount().signum() < 0) {
            return null;
        }
        return event.discountAmount().divide(listPrice, SHARE_SCALE, RoundingMode.HALF_UP);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new ContractViolation(ContractDecoder.INVALID_FIELD, "field " + field + " is missing");
        }
    }

    private static void requireId(String field, String value) {
        require(field, value);
        if (!Ids.isValid(value)) {
            throw new ContractViolation(ContractDecoder.INVALID_FIELD, "field " + field + " is not a valid id");
        }
    }
}
