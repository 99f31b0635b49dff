package io.segstream.localstack.faults;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What every view must show, computed from the {@link Ledger} alone: per customer, the distinct purchase and
 * feedback events, the purchase count and net spend, the NPS answers per topic, and the class of the two dimensions
 * that are exact by construction (each customer buys in one region and one channel only).
 */
final class Truth {
    static final class Customer {
        final String id;
        final Set<String> purchaseIds = new TreeSet<>();
        final Set<String> feedbackIds = new TreeSet<>();
        final Map<String, Long> topicCounts = new TreeMap<>();
        BigDecimal spend = BigDecimal.ZERO;
        String region;
        String channel;

        Customer(String id) {
            this.id = id;
        }
    }

    final Map<String, Customer> customers = new TreeMap<>();
    final Set<String> purchaseIds = new TreeSet<>();
    final Set<String> feedbackIds = new TreeSet<>();

    static Truth of(Ledger ledger) {
        Truth truth = new Truth();
        for (Ledger.SentPurchase p : ledger.purchases()) {
            Customer c = truth.customers.computeIfAbsent(p.customerId(), Customer::new);
            c.purchaseIds.add(p.eventId());
            c.spend = c.spend.add(p.amount());
            c.region = p.region();
            c.channel = p.channel();
            truth.purchaseIds.add(p.eventId());
        }
        for (Ledger.SentFeedback f : ledger.feedback()) {
            Customer c = truth.customers.get(f.customerId());
            if (c == null) {
                throw new IllegalStateException("feedback is only sent for customers who bought");
            }
            c.feedbackIds.add(f.eventId());
            c.topicCounts.merge(f.topic(), 1L, Long::sum);
            truth.feedbackIds.add(f.eventId());
        }
        return truth;
    }

    /** The class of segmentation's region dimension for a customer who buys in one region (DefaultCatalogue). */
    static String regionClass(String region) {
        return switch (region) {
            case "CN-SH", "CN-JS", "CN-ZJ" -> "EAST_CHINA";
            case "CN-BJ", "CN-TJ" -> "NORTH_CHINA";
            case "CN-GD" -> "SOUTH_CHINA";
            case "CN-SC", "CN-HB" -> "OTHER_CHINA";
            default -> "INTERNATIONAL";
        };
    }

    /** The class of segmentation's channel-preference dimension for a customer who buys in one channel. */
    static String channelClass(String channel) {
        return switch (channel) {
            case "ONLINE", "MARKETPLACE" -> "ONLINE";
            case "MOBILE_APP" -> "MOBILE";
            case "STORE" -> "IN_STORE";
            default -> "OTHER";
        };
    }
}
