package io.segstream.localstack.replay;

import io.segstream.contracts.Channel;
import io.segstream.contracts.Money;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The UCI Online Retail CSV ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,
 * Country}): one event per invoice, its rows being the line items. Invoices are grouped over the whole file (one
 * invoice's rows are not contiguous in the real file) and sent in the order of their first row, which is time order.
 *
 * <ul>
 *   <li>eventId {@code online-retail:<InvoiceNo>}; customerId the CustomerID without its ".0" ("17850");
 *   occurredAt the invoice's earliest InvoiceDate read as UK local time; channel ONLINE; GBP; region the Country;
 *   total the sum of quantity x unit price, rounded half-even to pence.</li>
 *   <li>Rows without CustomerID (135,080 in the full file) are counted as anonymous and not sent: there is no customer
 *   to segment. That includes the bad-debt adjustments ("A" invoices, StockCode B, negative prices).</li>
 *   <li>Invoices whose number starts with C are cancellations: REFUNDs with the quantities made positive. The data
 *   does not say which order a cancellation reverses, so it is linked to the customer's most recent earlier invoice
 *   (in this file) that still has at least the refunded amount left, as the client tracks it; failing that, to the
 *   customer's most recent earlier invoice (the service then answers REFUND_EXCEEDS_REMAINING), and when the customer
 *   has no earlier invoice (a cancellation of an order from before the data set starts), to its own number (the
 *   service answers REFUND_UNKNOWN_ORDER). The rejected ones show up in the summary by code.</li>
 *   <li>Non-product lines are kept, with a category that says what they are, so segmentation can tell them from
 *   products: POST, DOT and C2 postage ("service/postage"), M manual ("service/manual"), D discount
 *   ("service/discount"), BANK CHARGES, AMAZONFEE and CRUK ("service/fees"), S samples ("service/samples"), B
 *   ("service/adjustment"), gift_* ("gift-voucher"). Zero-priced lines are free items and valid. Anything the service
 *   refuses (a negative price, a zero quantity, more than 500 lines) is sent as it is and counted by its code.</li>
 * </ul>
 */
final class OnlineRetailReader {
    /**
     * RFC 4180 with a comma: quoted fields may hold commas, doubled quotes and line breaks. Lenient about a quote left
     * open at the end of the file and text after a closing quote: such a row is counted as unreadable (its field count
     * is off) instead of stopping the replay.
     */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setLenientEof(true).setTrailingData(true).get();
    static final String SOURCE = "replay-online-retail";
    static final String CURRENCY = "GBP";
    static final String EVENT_ID_PREFIX = "online-retail:";
    private static final String HEADER_START = "InvoiceNo";
    private static final String CANCELLATION_PREFIX = "C";
    private static final int FIELDS = 8;
    private static final int PENCE_SCALE = 2;
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern CUSTOMER_ID = Pattern.compile("(\\d+)(\\.0+)?");
    private static final int PROGRESS_EVERY = 20_000;
    private static final Map<String, String> SERVICE_CATEGORIES = Map.ofEntries(
            Map.entry("POST", "service/postage"), Map.entry("DOT", "service/postage"),
            Map.entry("C2", "service/postage"), Map.entry("M", "service/manual"), Map.entry("m", "service/manual"),
            Map.entry("D", "service/discount"), Map.entry("BANK CHARGES", "service/fees"),
            Map.entry("AMAZONFEE", "service/fees"), Map.entry("CRUK", "service/fees"),
            Map.entry("S", "service/samples"), Map.entry("B", "service/adjustment"));

    HistoryEvents read(HistoryFile file, LocalDate until, Progress progress) throws IOException {
        Map<String, Invoice> invoices = new LinkedHashMap<>();
        long rows = 0;
        long afterUntil = 0;
        long anonymous = 0;
        long unreadable = 0;
        boolean first = true;
        CSVParser records = file.records(FORMAT);
        for (CSVRecord record : records) {
            if (first) {
                first = false;
                if (record.get(0).startsWith(HEADER_START)) {
                    continue;
                }
            }
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            rows++;
            if (rows % PROGRESS_EVERY == 0) {
                progress.reading(rows, file.fractionRead());
            }
            Row row = parse(record);
            if (row == null) {
                unreadable++;
            } else if (until != null && row.time().toLocalDate().isAfter(until)) {
                afterUntil++;
            } else if (row.customerId() == null) {
                anonymous++;
            } else {
                invoices.computeIfAbsent(row.invoiceNo(), no -> new Invoice(no, row.customerId(), row.country()))
                        .add(row);
            }
        }
        progress.reading(rows, 1.0);
        return toEvents(invoices.values(), rows, afterUntil, anonymous, unreadable);
    }

    private static HistoryEvents toEvents(Iterable<Invoice> invoices, long rows, long afterUntil, long anonymous,
                                          long unreadable) {
        List<PurchaseSubmitted> events = new ArrayList<>();
        Map<String, List<OpenOrder>> ordersByCustomer = new HashMap<>();
        long linked = 0;
        long overdrawn = 0;
        long unlinked = 0;
        for (Invoice invoice : invoices) {
            boolean refund = invoice.number.startsWith(CANCELLATION_PREFIX);
            List<LineItem> items = new ArrayList<>(invoice.rows.size());
            BigDecimal total = BigDecimal.ZERO;
            for (Row row : invoice.rows) {
                int quantity = refund ? -row.quantity() : row.quantity();
                items.add(new LineItem(row.stockCode(), category(row.stockCode()), quantity, row.unitPrice()));
                total = total.add(row.unitPrice().multiply(BigDecimal.valueOf(quantity)));
            }
            total = total.setScale(PENCE_SCALE, RoundingMode.HALF_EVEN);
            List<OpenOrder> earlier = ordersByCustomer.computeIfAbsent(invoice.customerId, c -> new ArrayList<>());
            String orderId = invoice.number;
            if (refund) {
                long pence = total.movePointRight(PENCE_SCALE).longValueExact();
                // A negative refund (cancelled lines with positive quantities) is not linked: the service refuses it.
                OpenOrder target = pence < 0 ? null : latestWithAtLeast(earlier, pence);
                if (target != null) {
                    target.remainingPence -= pence;
                    orderId = target.invoiceNo;
                    linked++;
                } else if (pence >= 0 && !earlier.isEmpty()) {
                    orderId = earlier.get(earlier.size() - 1).invoiceNo;
                    overdrawn++;
                } else {
                    unlinked++;
                }
            } else {
                earlier.add(new OpenOrder(invoice.number, total.movePointRight(PENCE_SCALE).longValueExact()));
            }
            events.add(new PurchaseSubmitted(EVENT_ID_PREFIX + invoice.number,
                    refund ? PurchaseType.REFUND : PurchaseType.PURCHASE, invoice.customerId, orderId,
                    invoice.earliest, Channel.ONLINE, null, invoice.country, CURRENCY, total, null, items, SOURCE));
        }
        return new HistoryEvents(events, rows, afterUntil, anonymous, unreadable, linked, overdrawn, unlinked);
    }

    private static OpenOrder latestWithAtLeast(List<OpenOrder> orders, long pence) {
        for (int i = orders.size() - 1; i >= 0; i--) {
            if (orders.get(i).remainingPence >= pence) {
                return orders.get(i);
            }
        }
        return null;
    }

    static String category(String stockCode) {
        String service = SERVICE_CATEGORIES.get(stockCode);
        if (service != null) {
            return service;
        }
        return stockCode.startsWith("gift_") ? "gift-voucher" : null;
    }

    private static Row parse(CSVRecord fields) {
        if (fields.size() != FIELDS) {
            return null;
        }
        try {
            String invoiceNo = fields.get(0).trim();
            String stockCode = fields.get(1).trim();
            int quantity = Integer.parseInt(fields.get(3).trim());
            LocalDateTime time = LocalDateTime.parse(fields.get(4).trim(), TIME);
            String price = fields.get(5).trim();
            String customer = fields.get(6).trim();
            if (invoiceNo.isEmpty() || stockCode.isEmpty() || !Money.isWellFormed(price)) {
                return null;
            }
            String customerId = null;
            if (!customer.isEmpty()) {
                var matcher = CUSTOMER_ID.matcher(customer);
                if (!matcher.matches()) {
                    return null;
                }
                customerId = matcher.group(1);
            }
            return new Row(invoiceNo, stockCode, quantity, time, new BigDecimal(price), customerId,
                    fields.get(7).trim());
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** One CSV row; time is UK local time as written in the file. */
    private record Row(String invoiceNo, String stockCode, int quantity, LocalDateTime time, BigDecimal unitPrice,
                       String customerId, String country) {
        Instant instant() {
            return time.atZone(UK).toInstant();
        }
    }

    private static final class Invoice {
        final String number;
        final String customerId;
        final String country;
        final List<Row> rows = new ArrayList<>();
        Instant earliest;

        Invoice(String number, String customerId, String country) {
            this.number = number;
            this.customerId = customerId;
            this.country = country;
        }

        void add(Row row) {
            rows.add(row);
            if (earliest == null || row.instant().isBefore(earliest)) {
                earliest = row.instant();
            }
        }
    }

    private static final class OpenOrder {
        final String invoiceNo;
        long remainingPence;

        OpenOrder(String invoiceNo, long remainingPence) {
            this.invoiceNo = invoiceNo;
            this.remainingPence = remainingPence;
        }
    }
}
