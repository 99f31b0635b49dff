package io.segstream.churn.domain.rules;

import io.segstream.churn.domain.ActivityPolicy;
import io.segstream.churn.domain.CustomerActivity;
import io.segstream.churn.domain.PurchaseFact;
import io.segstream.churn.domain.PurchaseKind;
import io.segstream.churn.domain.SegmentFact;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** Customers and settings for the rule tests. */
final class RuleFixtures {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final ActivityPolicy POLICY = new ActivityPolicy(ZoneOffset.UTC, 1_000_000, Duration.ofDays(100_000),
            1_000_000, 100, 100);
    static final RuleSettings SETTINGS = new RuleSettings(2.0, 3, Duration.ofDays(90), 3, 0.5, 0.3, 0.95,
            Set.of("HIGH"), Set.of("LOW"), Duration.ofDays(30), Duration.ofDays(30), 2, new BigDecimal("0.3"),
            Duration.ofDays(90), 6, 2, 2, Duration.ofDays(30), Duration.ofDays(180), 2);
    static final EarlyWarningRules RULES = new EarlyWarningRules(SETTINGS, POLICY);

    private RuleFixtures() {
    }

    /** A customer who bought on each of these days before NOW (one purchase of 100 a day). */
    static CustomerActivity boughtDaysAgo(long... daysAgo) {
        CustomerActivity customer = CustomerActivity.newCustomer("C-1");
        int n = 0;
        for (long days : daysAgo) {
            customer.apply(new PurchaseFact("p" + n++, "C-1", PurchaseKind.PURCHASE, NOW.minus(Duration.ofDays(days)),
                    new BigDecimal("100.00"), "CNY"), POLICY);
        }
        return customer;
    }

    static void refund(CustomerActivity customer, String id, long daysAgo, String amount) {
        customer.apply(new PurchaseFact(id, customer.customerId(), PurchaseKind.REFUND,
                NOW.minus(Duration.ofDays(daysAgo)), new BigDecimal(amount).negate(), "CNY"), POLICY);
    }

    static void valueTier(CustomerActivity customer, String tier) {
        customer.apply(new SegmentFact("s-" + tier, customer.customerId(), CustomerActivity.VALUE_TIER, tier, 1,
                NOW.minus(Duration.ofDays(1))), POLICY);
    }
}
