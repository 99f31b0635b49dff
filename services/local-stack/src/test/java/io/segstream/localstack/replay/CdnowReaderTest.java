package io.segstream.localstack.replay;

import io.segstream.contracts.Channel;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CDNOW reader on slices of the real files. Expected figures were computed independently with a short Python
 * script over the same slices (split each data line on whitespace; master = 4 fields, sample = 5; number the rows of
 * each customer-day in file order; keep dates <= --until; sum the dollar column with decimal.Decimal):
 * master slice 1,766 rows / 500 customers / 102 rows that are not a customer's first of that day / USD 64,965.69;
 * with --until 1997-03-31: 797 events, 969 rows after, USD 28,606.30; sample slice 128 rows / 44 customers /
 * USD 4,163.52, each of them also in the master slice with the same derived id and values.
 */
class CdnowReaderTest {
    @TempDir
    Path dir;

    private static HistoryEvents read(Path path, LocalDate until) throws IOException {
        try (HistoryFile file = HistoryFile.open(path)) {
            return new CdnowReader().read(file, until, ReplaySlices.quietProgress());
        }
    }

    private static BigDecimal total(HistoryEvents history) {
        return history.events().stream().map(PurchaseSubmitted::totalAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void readsTheMasterSlice() throws IOException {
        HistoryEvents history = read(ReplaySlices.cdnowMaster(), null);

        assertThat(history.rowsRead()).isEqualTo(1_766);
        assertThat(history.events()).hasSize(1_766);
        assertThat(history.unreadableRows()).isZero();
        assertThat(history.purchases()).isEqualTo(1_766);
        assertThat(history.refunds()).isZero();
        assertThat(history.events().stream().map(PurchaseSubmitted::customerId).distinct()).hasSize(500);
        assertThat(history.events().stream().filter(e -> !e.eventId().endsWith(":1"))).hasSize(102);
        assertThat(total(history)).isEqualByComparingTo("64965.69");
        assertThat(history.events().stream().map(PurchaseSubmitted::eventId).distinct()).hasSize(1_766);
    }

    @Test
    void turnsARowIntoAPurchaseWithTheDataSetsOwnCustomerId() throws IOException {
        Map<String, PurchaseSubmitted> byId = read(ReplaySlices.cdnowMaster(), null).events().stream()
                .collect(Collectors.toMap(PurchaseSubmitted::eventId, Function.identity()));

        // " 00004 19970101  2   29.33" in the file
        PurchaseSubmitted p = byId.get("cdnow:00004:19970101:1");
        assertThat(p.customerId()).isEqualTo("00004");
        assertThat(p.orderId()).isEqualTo("CDNOW-00004-19970101-1");
        assertThat(p.type()).isEqualTo(PurchaseType.PURCHASE);
        assertThat(p.occurredAt()).isEqualTo(Instant.parse("1997-01-01T00:00:00Z"));
        assertThat(p.channel()).isEqualTo(Channel.ONLINE);
        assertThat(p.currency()).isEqualTo("USD");
        assertThat(p.totalAmount()).hasToString("29.33");
        assertThat(p.items()).containsExactly(new LineItem("CD", "music/cd", 2, new BigDecimal("14.665")));
        // " 00455 19970102  1    0.00": a free order is still an order
        assertThat(byId.get("cdnow:00455:19970102:1").totalAmount()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void untilKeepsTheDaysUpToItAndCountsTheRest() throws IOException {
        HistoryEvents history = read(ReplaySlices.cdnowMaster(), LocalDate.of(1997, 3, 31));
        assertThat(history.rowsRead()).isEqualTo(1_766);
        assertThat(history.events()).hasSize(797);
        assertThat(history.rowsAfterUntil()).isEqualTo(969);
        assertThat(total(history)).isEqualByComparingTo("28606.30");
        assertThat(history.events()).allMatch(e -> !e.occurredAt().isAfter(Instant.parse("1997-03-31T00:00:00Z")));
    }

    @Test
    void theSampleGivesEveryPurchaseTheSameIdAsTheMaster() throws IOException {
        HistoryEvents sample = read(ReplaySlices.cdnowSample(), null);
        Map<String, PurchaseSubmitted> master = read(ReplaySlices.cdnowMaster(), null).events().stream()
                .collect(Collectors.toMap(PurchaseSubmitted::eventId, Function.identity()));

        assertThat(sample.rowsRead()).isEqualTo(128);
        assertThat(sample.events().stream().map(PurchaseSubmitted::customerId).distinct()).hasSize(44);
        assertThat(total(sample)).isEqualByComparingTo("4163.52");
        assertThat(sample.events()).allSatisfy(e -> assertThat(master.get(e.eventId())).isEqualTo(e));
    }

    @Test
    void unitPricesKeepTheTotalRuleForAnyNumberOfCds() throws IOException {
        Path file = Files.writeString(dir.resolve("cdnow.txt"), " 00007 19970301  3   10.00\r\n");
        PurchaseSubmitted p = read(file, null).events().get(0);
        LineItem line = p.items().get(0);
        assertThat(line.unitPrice()).hasToString("3.333333");
        assertThat(line.lineTotal().subtract(p.totalAmount()).abs()).isLessThan(new BigDecimal("0.01"));
    }

    @Test
    void unreadableRowsAreCountedNotSent() throws IOException {
        Path file = Files.writeString(dir.resolve("cdnow.txt"), """
                 customer_id  date number_of_cds  dollar_value
                 00001 19970101  1   11.77
                 00002 1997-01-12  1   12.00
                 00003 19970112  one   12.00
                 00004 19970112  1   1e3
                 00005 19970112  1
                 00006 19970112  1   5.00
                """);
        HistoryEvents history = read(file, null);
        assertThat(history.rowsRead()).isEqualTo(6);
        assertThat(history.unreadableRows()).isEqualTo(4);
        assertThat(history.events()).extracting(PurchaseSubmitted::customerId).containsExactly("00001", "00006");
    }

    @Test
    void aGzippedCopyReadsTheSame() throws IOException {
        Path gz = dir.resolve("cdnow.txt.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(ReplaySlices.cdnowSample()));
        }
        assertThat(read(gz, null).events()).isEqualTo(read(ReplaySlices.cdnowSample(), null).events());
    }
}
