package io.segstream.localstack.replay;

import io.segstream.contracts.Channel;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Online Retail reader on a gzipped slice of the real file. Expected figures were computed independently with a
 * Python script (csv module; skip rows after --until by the date's first 10 characters, then rows with an empty
 * CustomerID; group rows by InvoiceNo in order of first appearance; totals with decimal.Decimal rounded half-even to
 * pence; for each C invoice take the customer's most recent earlier invoice with at least that much left, else the
 * most recent one, else none): 6,349 rows, 2,067 anonymous, 304 events = 271 purchases + 33 refunds (6 linked,
 * 1 larger than any earlier order, 26 without an earlier order), GBP 101,789.75 in all; with --until 2010-12-01:
 * 3,241 rows after, 1,140 anonymous, 127 events = 121 purchases + 6 refunds (2 linked, 4 without an earlier order),
 * GBP 46,701.72.
 */
class OnlineRetailReaderTest {
    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,"
            + "Country\n";

    @TempDir
    Path dir;

    private static HistoryEvents read(Path path, LocalDate until) throws IOException {
        try (HistoryFile file = HistoryFile.open(path)) {
            return new OnlineRetailReader().read(file, until, ReplaySlices.quietProgress());
        }
    }

    private Path csv(String rows) throws IOException {
        return Files.writeString(dir.resolve("retail.csv"), HEADER + rows);
    }

    private static BigDecimal total(HistoryEvents history) {
        return history.events().stream().map(PurchaseSubmitted::totalAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void readsTheSlice() throws IOException {
        HistoryEvents history = read(ReplaySlices.onlineRetail(), null);

        assertThat(history.rowsRead()).isEqualTo(6_349);
        assertThat(history.anonymousRows()).isEqualTo(2_067);
        assertThat(history.unreadableRows()).isZero();
        assertThat(history.events()).hasSize(304);
        assertThat(history.purchases()).isEqualTo(271);
        assertThat(history.refunds()).isEqualTo(33);
        assertThat(history.refundsLinked()).isEqualTo(6);
        assertThat(history.refundsOverdrawn()).isEqualTo(1);
        assertThat(history.refundsUnlinked()).isEqualTo(26);
        assertThat(total(history)).isEqualByComparingTo("101789.75");
        assertThat(history.events().stream().map(PurchaseSubmitted::eventId).distinct()).hasSize(304);
    }

    @Test
    void untilKeepsTheDaysUpToIt() throws IOException {
        HistoryEvents history = read(ReplaySlices.onlineRetail(), LocalDate.of(2010, 12, 1));
        assertThat(history.rowsAfterUntil()).isEqualTo(3_241);
        assertThat(history.anonymousRows()).isEqualTo(1_140);
        assertThat(history.events()).hasSize(127);
        assertThat(history.refundsLinked()).isEqualTo(2);
        assertThat(history.refundsUnlinked()).isEqualTo(4);
        assertThat(total(history)).isEqualByComparingTo("46701.72");
    }

    @Test
    void anInvoiceBecomesOnePurchaseWithTheCustomerIdAsInTheDataSet() throws IOException {
        Map<String, PurchaseSubmitted> byId = read(ReplaySlices.onlineRetail(), null).events().stream()
                .collect(Collectors.toMap(PurchaseSubmitted::eventId, Function.identity()));

        PurchaseSubmitted p = byId.get("online-retail:536365");
        assertThat(p.customerId()).isEqualTo("17850");
        assertThat(p.orderId()).isEqualTo("536365");
        assertThat(p.type()).isEqualTo(PurchaseType.PURCHASE);
        assertThat(p.occurredAt()).isEqualTo(Instant.parse("2010-12-01T08:26:00Z")); // GMT in December
        assertThat(p.channel()).isEqualTo(Channel.ONLINE);
        assertThat(p.currency()).isEqualTo("GBP");
        assertThat(p.region()).isEqualTo("United Kingdom");
        assertThat(p.items()).hasSize(7);
        assertThat(p.items().get(0)).isEqualTo(new LineItem("85123A", null, 6, new BigDecimal("2.55")));
        assertThat(p.totalAmount()).hasToString("139.12");
    }

    @Test
    void aCancellationIsARefundOfTheCustomersLatestEarlierOrderWithEnoughLeft() throws IOException {
        HistoryEvents history = read(csv("""
                100,A1,ITEM,2,2011-01-03 10:00:00,5.00,17850.0,United Kingdom
                101,A2,ITEM,1,2011-01-04 10:00:00,3.00,17850.0,United Kingdom
                C102,A1,ITEM,-1,2011-01-05 10:00:00,5.00,17850.0,United Kingdom
                C103,A1,ITEM,-1,2011-01-05 11:00:00,5.00,17850.0,United Kingdom
                C104,A1,ITEM,-1,2011-01-05 12:00:00,5.00,17850.0,United Kingdom
                C105,A9,ITEM,-1,2011-01-05 12:00:00,1.00,12345.0,France
                """), null);

        assertThat(history.events()).extracting(PurchaseSubmitted::orderId)
                .containsExactly("100", "101", "100", "100", "101", "C105");
        PurchaseSubmitted refund = history.events().get(2);
        assertThat(refund.type()).isEqualTo(PurchaseType.REFUND);
        assertThat(refund.eventId()).isEqualTo("online-retail:C102");
        assertThat(refund.items()).containsExactly(new LineItem("A1", null, 1, new BigDecimal("5.00")));
        assertThat(refund.totalAmount()).hasToString("5.00");
        assertThat(history.refundsLinked()).isEqualTo(2);
        assertThat(history.refundsOverdrawn()).isEqualTo(1);
        assertThat(history.refundsUnlinked()).isEqualTo(1);
    }

    @Test
    void oddRowsAreHandledDeliberately() throws IOException {
        HistoryEvents history = read(csv("""
                200,POST,POSTAGE,1,2011-06-01 10:00:00,18.00,12583.0,France
                200,22326,"ROUND SNACK BOXES SET OF4, WOODLAND",24,2011-06-01 10:00:00,2.95,12583.0,France
                200,PADS,PADS TO MATCH ALL CUSHIONS,1,2011-06-01 10:00:00,0.001,12583.0,France
                200,21000,FREE GIFT,1,2011-06-01 10:01:00,0.00,12583.0,France
                A563186,B,Adjust bad debt,1,2011-06-01 14:51:00,-11062.06,,United Kingdom
                201,M,Manual,1,2011-06-01 15:00:00,-5.00,12583.0,France
                202,gift_0001_20,voucher,1,2011-06-01 15:00:00,16.67,12583.0,France
                203,22000,broken,1,not a date,1.00,12583.0,France
                """), null);

        assertThat(history.rowsRead()).isEqualTo(8);
        assertThat(history.anonymousRows()).isEqualTo(1);
        assertThat(history.unreadableRows()).isEqualTo(1);
        PurchaseSubmitted order = history.events().get(0);
        assertThat(order.occurredAt()).isEqualTo(Instant.parse("2011-06-01T09:00:00Z")); // BST
        assertThat(order.items()).extracting(LineItem::category)
                .containsExactly("service/postage", null, null, null);
        assertThat(order.totalAmount()).hasToString("88.80"); // 18 + 70.80 + 0.001 + 0, to pence
        // a negative price is sent as it is: the service refuses it with NEGATIVE_AMOUNT
        assertThat(history.events().get(1).items().get(0).unitPrice()).isNegative();
        assertThat(history.events().get(1).items().get(0).category()).isEqualTo("service/manual");
        assertThat(history.events().get(2).items().get(0).category()).isEqualTo("gift-voucher");
    }

    @Test
    void anInvoiceWhoseRowsAreNotTogetherIsStillOneEvent() throws IOException {
        HistoryEvents history = read(csv("""
                300,A1,ITEM,1,2011-03-01 10:00:00,1.00,12836.0,United Kingdom
                301,A2,ITEM,1,2011-03-01 10:05:00,2.00,12836.0,United Kingdom
                300,A3,ITEM,1,2011-03-01 10:00:00,4.00,12836.0,United Kingdom
                """), null);
        assertThat(history.events()).hasSize(2);
        assertThat(history.events().get(0).items()).extracting(LineItem::sku).containsExactly("A1", "A3");
        assertThat(history.events().get(0).totalAmount()).hasToString("5.00");
    }

    @Test
    void aPlainCopyReadsTheSameAsTheGzippedOne() throws IOException {
        Path plain = dir.resolve("plain.csv");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(ReplaySlices.onlineRetail()))) {
            Files.copy(in, plain);
        }
        assertThat(read(plain, null).events()).isEqualTo(read(ReplaySlices.onlineRetail(), null).events());
    }

    @Test
    void aQuotedDescriptionMayHoldALineBreakAndQuotes() throws IOException {
        HistoryEvents history = read(csv("""
                400,22000,"HEART ""LOVE"" SIGN
                SECOND LINE, WITH A COMMA",2,2011-03-01 10:00:00,1.50,12836.0,United Kingdom
                400,22001,PLAIN,1,2011-03-01 10:00:00,2.00,12836.0,United Kingdom
                """), null);

        assertThat(history.rowsRead()).isEqualTo(2);
        assertThat(history.unreadableRows()).isZero();
        assertThat(history.events()).singleElement().satisfies(e -> {
            assertThat(e.items()).extracting(LineItem::sku).containsExactly("22000", "22001");
            assertThat(e.totalAmount()).hasToString("5.00");
        });
    }

    @Test
    void aQuoteLeftOpenAtTheEndIsAnUnreadableRowNotAFailure() throws IOException {
        HistoryEvents history = read(csv("""
                500,A1,ITEM,1,2011-03-01 10:00:00,1.00,12836.0,United Kingdom
                501,A2,"OPEN,1,2011-03-01 10:00:00,1.00,12836.0,United Kingdom
                """), null);
        assertThat(history.rowsRead()).isEqualTo(2);
        assertThat(history.unreadableRows()).isEqualTo(1);
        assertThat(history.events()).extracting(PurchaseSubmitted::orderId).containsExactly("500");
    }

    @Test
    void fieldsAreReadAsRfc4180() throws IOException {
        Path file = Files.writeString(dir.resolve("fields.csv"), """
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6
                1,"SET 2, TEA TOWELS","a ""quote""\",x
                a,,c,
                "two
                lines ""quoted""\",y
                """);
        try (HistoryFile history = HistoryFile.open(file)) {
            CSVParser records = history.records(OnlineRetailReader.FORMAT);
            assertThat(records.stream().map(CSVRecord::toList)).containsExactly(
                    List.of("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "6"),
                    List.of("1", "SET 2, TEA TOWELS", "a \"quote\"", "x"),
                    List.of("a", "", "c", ""),
                    List.of("two\nlines \"quoted\"", "y"));
        }
    }

    @Test
    void categoriesOfServiceLines() {
        assertThat(OnlineRetailReader.category("DOT")).isEqualTo("service/postage");
        assertThat(OnlineRetailReader.category("BANK CHARGES")).isEqualTo("service/fees");
        assertThat(OnlineRetailReader.category("D")).isEqualTo("service/discount");
        assertThat(OnlineRetailReader.category("85123A")).isNull();
    }
}
