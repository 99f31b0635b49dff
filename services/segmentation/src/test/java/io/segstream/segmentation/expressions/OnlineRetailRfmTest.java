package io.segstream.segmentation.expressions;

import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import io.segstream.segmentation.domain.RfmPopulation;
import io.segstream.segmentation.domain.SegmentCatalogue;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On the UCI Online Retail data set: the RFM segment sizes the service computes (profiles from invoice facts, the
 * population's quintiles, the default CEL rfm definition) equal an independent computation over the same file
 * (plain maps, naive counting of ranks, the README's table typed in again). Too slow for every build: runs only with
 * {@code -Dsegstream.dataset-tests=true} (and when the data set is present).
 */
class OnlineRetailRfmTest {
    private static final Path DATA = Path.of("../../../shared/datasets/online-retail/online_retail_combined.csv.gz");
    private static final Instant AS_OF = Instant.parse("2011-12-10T00:00:00Z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private record Invoice(String id, String customer, Instant at, BigDecimal total) {
        boolean refund() {
            return id.startsWith("C");
        }
    }

    @Test
    void rfmSegmentSizesEqualAnIndependentComputation() throws Exception {
        assumeTrue(Boolean.getBoolean("segstream.dataset-tests"), "dataset tests run with -Dsegstream.dataset-tests=true");
        assumeTrue(Files.exists(DATA), "the Online Retail data set is not here");
        List<Invoice> invoices = invoices();

        Map<String, Long> bySystem = systemSizes(invoices);
        Map<String, Long> independent = independentSizes(invoices);

        assertThat(bySystem.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(4000);
        assertThat(bySystem).isEqualTo(independent);
    }

    private static Map<String, Long> systemSizes(List<Invoice> invoices) {
        ProfilePolicy policy = new ProfilePolicy(ZoneOffset.UTC, 100_000, Duration.ofDays(100_000), 20);
        SegmentCatalogue none = List::of;
        Map<String, CustomerProfile> profiles = new HashMap<>();
        for (Invoice invoice : invoices) {
            CustomerProfile profile = profiles.computeIfAbsent(invoice.customer(), CustomerProfile::newCustomer);
            profile.apply(new PurchaseFact(invoice.id(), invoice.customer(),
                    invoice.refund() ? PurchaseKind.REFUND : PurchaseKind.PURCHASE, invoice.at(), invoice.total(),
                    "GBP", "ONLINE", null, List.of(), null), AS_OF, policy, none);
        }
        RfmPopulation.Builder builder = new RfmPopulation.Builder();
        List<ProfileFigures> all = profiles.values().stream().map(p -> p.figures(AS_OF, policy)).toList();
        all.forEach(builder::add);
        RfmPopulation population = builder.build();
        Dimension rfm = CelDefinitionCompilerTest.COMPILER.compile(DefaultCatalogue.definitions(90, 180).stream()
                .filter(definition -> definition.key().equals("rfm")).findFirst().orElseThrow());
        Map<String, Long> sizes = new TreeMap<>();
        for (ProfileFigures figures : all) {
            if (figures.hasPurchased()) {
                sizes.merge(rfm.classify(figures.withRfm(population.score(figures))).className(), 1L, Long::sum);
            }
        }
        return sizes;
    }

    private static Map<String, Long> independentSizes(List<Invoice> invoices) {
        Map<String, LocalDate> last = new HashMap<>();
        Map<String, Long> orders = new HashMap<>();
        Map<String, BigDecimal> spend = new HashMap<>();
        for (Invoice invoice : invoices) {
            spend.merge(invoice.customer(), invoice.total(), BigDecimal::add);
            if (!invoice.refund()) {
                orders.merge(invoice.customer(), 1L, Long::sum);
                LocalDate day = LocalDate.ofInstant(invoice.at(), ZoneOffset.UTC);
                last.merge(invoice.customer(), day, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<String> buyers = new ArrayList<>(orders.keySet());
        Map<String, Double> r = new HashMap<>();
        Map<String, Double> f = new HashMap<>();
        Map<String, Double> m = new HashMap<>();
        for (String customer : buyers) {
            // Higher is better for all three, so recency is negated.
            r.put(customer, -(double) ChronoUnit.DAYS.between(last.get(customer), LocalDate.of(2011, 12, 10)));
            f.put(customer, (double) orders.get(customer));
            m.put(customer, spend.get(customer).doubleValue());
        }
        Map<String, String> table = table();
        Map<String, Long> sizes = new TreeMap<>();
        for (String customer : buyers) {
            int rs = quintile(r, customer);
            int fs = quintile(f, customer);
            int ms = quintile(m, customer);
            int fm = (int) Math.round((fs + ms) / 2.0 + 1e-9);
            sizes.merge(table.get(rs + "" + fm), 1L, Long::sum);
        }
        return sizes;
    }

    /** Mid-rank quintile by plain counting: (worse + equal / 2) / n. */
    private static int quintile(Map<String, Double> values, String customer) {
        double own = values.get(customer);
        long worse = values.values().stream().filter(v -> v < own).count();
        long equal = values.values().stream().filter(v -> v == own).count();
        double p = (worse + equal / 2.0) / values.size();
        return Math.min(5, 1 + (int) Math.floor(5 * p));
    }

    /** The README's table, typed in again: key "R" + "FM". */
    private static Map<String, String> table() {
        String[][] rows = {
                {"NEW", "POTENTIAL_LOYALIST", "POTENTIAL_LOYALIST", "LOYAL", "CHAMPIONS"},
                {"PROMISING", "POTENTIAL_LOYALIST", "POTENTIAL_LOYALIST", "LOYAL", "CHAMPIONS"},
                {"ABOUT_TO_SLEEP", "ABOUT_TO_SLEEP", "NEED_ATTENTION", "LOYAL", "LOYAL"},
                {"HIBERNATING", "HIBERNATING", "AT_RISK", "AT_RISK", "CANT_LOSE"},
                {"LOST", "LOST", "AT_RISK", "AT_RISK", "CANT_LOSE"}};
        Map<String, String> table = new HashMap<>();
        for (int row = 0; row < 5; row++) {
            for (int column = 0; column < 5; column++) {
                table.put((5 - row) + "" + (column + 1), rows[row][column]);
            }
        }
        return table;
    }

    /** Invoices of identified customers: line totals summed; a purchase must total more than 0, a refund less. */
    private static List<Invoice> invoices() throws Exception {
        Map<String, String> customerOf = new LinkedHashMap<>();
        Map<String, Instant> timeOf = new HashMap<>();
        Map<String, BigDecimal> totalOf = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(DATA)), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                List<String> fields = csv(line);
                if (fields.size() < 8 || fields.get(6).isBlank()) {
                    continue;
                }
                String invoice = fields.get(0);
                String customer = "C-" + fields.get(6).replace(".0", "");
                customerOf.putIfAbsent(invoice, customer);
                timeOf.putIfAbsent(invoice, LocalDateTime.parse(fields.get(4), TIME).toInstant(ZoneOffset.UTC));
                totalOf.merge(invoice, new BigDecimal(fields.get(3)).multiply(new BigDecimal(fields.get(5))),
                        BigDecimal::add);
            }
        }
        List<Invoice> invoices = new ArrayList<>();
        customerOf.forEach((id, customer) -> {
            BigDecimal total = totalOf.get(id);
            boolean refund = id.startsWith("C");
            if (refund ? total.signum() < 0 : total.signum() > 0) {
                invoices.add(new Invoice(id, customer, timeOf.get(id), total));
            }
        });
        return invoices;
    }

    private static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
