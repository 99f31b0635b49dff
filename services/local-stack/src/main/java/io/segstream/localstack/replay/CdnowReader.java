package io.segstream.localstack.replay;

import io.segstream.contracts.Channel;
import io.segstream.contracts.Money;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CDNOW: one purchase per row. Master rows are {@code customer date cds dollars} after a header line; sample rows
 * are {@code customer sampleId date cds dollars} without one. Both are read the same way and give the same eventId to
 * the same purchase, so replaying the sample after the master (or the other way round) records nothing twice.
 *
 * <ul>
 *   <li>eventId {@code cdnow:<customer>:<yyyymmdd>:<n>} where n counts the customer's rows of that day in file order
 *   (the data has several rows per customer-day; master and sample list them in the same order);</li>
 *   <li>orderId {@code CDNOW-<customer>-<yyyymmdd>-<n>}; customerId as in the file, zero padding kept ("00004");</li>
 *   <li>occurredAt the day at 00:00 UTC (the data has dates only); channel ONLINE (an online shop); USD;</li>
 *   <li>one line item of {@code cds} CDs at dollars/cds (rounded half-even to 6 places, so the total rule holds);
 *   zero-dollar rows are free orders and valid.</li>
 * </ul>
 */
final class CdnowReader {
    static final String SOURCE = "replay-cdnow";
    static final String SKU = "CD";
    static final String CATEGORY = "music/cd";
    static final String CURRENCY = "USD";
    private static final int MASTER_FIELDS = 4;
    private static final int SAMPLE_FIELDS = 5;
    private static final int UNIT_PRICE_SCALE = 6;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int PROGRESS_EVERY = 10_000;

    HistoryEvents read(HistoryFile file, LocalDate until, Progress progress) throws IOException {
        List<PurchaseSubmitted> events = new ArrayList<>();
        Map<String, Integer> rowsPerCustomerDay = new HashMap<>();
        long rows = 0;
        long afterUntil = 0;
        long unreadable = 0;
        boolean first = true;
        String line;
        while ((line = file.readLine()) != null) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (first && !fields[0].chars().allMatch(Character::isDigit)) {
                first = false;
                continue; // the master file's header
            }
            first = false;
            rows++;
            if (rows % PROGRESS_EVERY == 0) {
                progress.reading(rows, file.fractionRead());
            }
            Row row = parse(fields);
            if (row == null) {
                unreadable++;
                continue;
            }
            if (until != null && row.day().isAfter(until)) {
                afterUntil++;
                continue;
            }
            String dayText = row.day().format(DAY);
            int n = rowsPerCustomerDay.merge(row.customerId() + ' ' + dayText, 1, Integer::sum);
            events.add(event(row, dayText, n));
        }
        progress.reading(rows, 1.0);
        return new HistoryEvents(events, rows, afterUntil, 0, unreadable, 0, 0, 0);
    }

    static String eventId(String customerId, String day, int n) {
        return "cdnow:" + customerId + ":" + day + ":" + n;
    }

    private static PurchaseSubmitted event(Row row, String day, int n) {
        BigDecimal unitPrice = row.cds() > 0
                ? row.dollars().divide(BigDecimal.valueOf(row.cds()), UNIT_PRICE_SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                : row.dollars(); // a row without CDs is sent as it is: the service rejects it (INVALID_QUANTITY)
        if (unitPrice.scale() < 0) {
            unitPrice = unitPrice.setScale(0);
        }
        return new PurchaseSubmitted(eventId(row.customerId(), day, n), PurchaseType.PURCHASE, row.customerId(),
                "CDNOW-" + row.customerId() + "-" + day + "-" + n, row.day().atStartOfDay(ZoneOffset.UTC).toInstant(),
                Channel.ONLINE, null, null, CURRENCY, row.dollars(), null,
                List.of(new LineItem(SKU, CATEGORY, row.cds(), unitPrice)), SOURCE);
    }

    private static Row parse(String[] fields) {
        int offset;
        if (fields.length == MASTER_FIELDS) {
            offset = 0;
        } else if (fields.length == SAMPLE_FIELDS) {
            offset = 1;
        } else {
            return null;
        }
        try {
            String customerId = fields[0];
            LocalDate day = LocalDate.parse(fields[1 + offset], DAY);
            int cds = Integer.parseInt(fields[2 + offset]);
            if (!Money.isWellFormed(fields[3 + offset]) || !customerId.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return new Row(customerId, day, cds, new BigDecimal(fields[3 + offset]));
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private record Row(String customerId, LocalDate day, int cds, BigDecimal dollars) {
    }
}
