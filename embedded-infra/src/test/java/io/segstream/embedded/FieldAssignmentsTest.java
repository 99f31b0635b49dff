package io.segstream.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldAssignmentsTest {

    private static Document update(String operator, Document fields) {
        return new Document(operator, fields);
    }

    private static Document stored() {
        return new Document("_id", "a").append("version", 3L)
                .append("pending", List.of(new Document("change", 1)))
                .append("outbox", new Document("published", false).append("payload", new Document("big", "x")))
                .append("history", List.of(1, 2, 3));
    }

    @Test
    void onlySetAndUnsetOfPlainPathsAreTaken() {
        assertThat(FieldAssignments.parse(update("$set", new Document("a.b", 1)))).isNotNull();
        assertThat(FieldAssignments.parse(update("$unset", new Document("a", "")))).isNotNull();
        assertThat(FieldAssignments.parse(update("$inc", new Document("a", 1)))).isNull();
        assertThat(FieldAssignments.parse(update("$set", new Document("list.$.k", 1)))).isNull();
        assertThat(FieldAssignments.parse(update("$set", new Document("_id", 1)))).isNull();
        assertThat(FieldAssignments.parse(update("$set", new Document("a..b", 1)))).isNull();
        assertThat(FieldAssignments.parse(update("$set", new Document("a", 1).append("a.b", 2)))).isNull();
        assertThat(FieldAssignments.parse(new Document())).isNull();
    }

    @Test
    void theResultSharesWhatTheUpdateLeavesAloneAndTheStoredDocumentStaysAsItWas() {
        Document stored = stored();
        Document before = stored.cloneDeeply();
        Document update = new Document("$set", new Document("outbox.published", true).append("version", 4L))
                .append("$unset", new Document("pending", ""));

        Document updated = FieldAssignments.parse(update).apply(stored);

        assertThat(stored).isEqualTo(before);
        assertThat(updated).isNotSameAs(stored);
        assertThat(updated.keySet()).containsExactly("_id", "version", "outbox", "history");
        assertThat(updated.get("version")).isEqualTo(4L);
        Document outbox = (Document) updated.get("outbox");
        assertThat(outbox.get("published")).isEqualTo(true);
        // Only the path set is copied: the rest is the stored instances.
        assertThat(outbox).isNotSameAs(stored.get("outbox"));
        assertThat(outbox.get("payload")).isSameAs(((Document) stored.get("outbox")).get("payload"));
        assertThat(updated.get("history")).isSameAs(stored.get("history"));
    }

    @Test
    void anUpdateThatChangesNothingGivesTheStoredDocumentBack() {
        Document stored = stored();
        Document update = new Document("$set", new Document("version", 3L)).append("$unset",
                new Document("absent", "").append("history.x", ""));
        assertThatThrownBy(() -> FieldAssignments.parse(update).apply(stored))
                .isInstanceOf(FieldAssignments.StockPath.class);
        Document quiet = new Document("$set", new Document("version", 3L)).append("$unset", new Document("absent", ""));
        assertThat(FieldAssignments.parse(quiet).apply(stored)).isSameAs(stored);
    }

    @Test
    void aValueTheStockServerCountsAsUnchangedLeavesTheStoredOneAndArrayPathsGoToTheStockUpdate() {
        Document stored = stored();
        // 3 and 3L, [{change: 1}] and [{change: 1.0}] are equal to the stock server: nothing is written.
        assertThat(FieldAssignments.parse(update("$set", new Document("version", 3))).apply(stored)).isSameAs(stored);
        assertThat(FieldAssignments.parse(update("$set", new Document("pending", List.of(new Document("change", 1.0)))))
                .apply(stored)).isSameAs(stored);
        // An array of the same size with other elements (a profile's classes) is a change made here.
        Document reclassified = FieldAssignments.parse(update("$set", new Document("pending",
                List.of(new Document("change", 2))))).apply(stored);
        assertThat(reclassified.get("pending")).isEqualTo(List.of(new Document("change", 2)));
        assertThat(reclassified.get("outbox")).isSameAs(stored.get("outbox"));
        // The same fields in another order are another document to it.
        Document reordered = new Document("payload", new Document("big", "x")).append("published", false);
        assertThat(FieldAssignments.parse(update("$set", new Document("outbox", reordered))).apply(stored)
                .get("outbox")).isSameAs(reordered);
        assertThatThrownBy(() -> FieldAssignments.parse(update("$set", new Document("history.0", 9))).apply(stored))
                .isInstanceOf(FieldAssignments.StockPath.class);
        assertThat(FieldAssignments.parse(update("$set", new Document("version", 4))).apply(stored).get("version"))
                .isEqualTo(4);
    }

    /** The stock server's own comparison (package-private there), which {@link FieldAssignments#unchanged} mirrors. */
    private static boolean stockUnchanged(Object old, Object value) throws ReflectiveOperationException {
        Method nullAwareEquals = Utils.class.getDeclaredMethod("nullAwareEquals", Object.class, Object.class);
        nullAwareEquals.setAccessible(true);
        return (boolean) nullAwareEquals.invoke(null, value, old);
    }

    @Test
    void theStockServersCornersOfEqualityAreKept() throws ReflectiveOperationException {
        long beyondDouble = (1L << 53) + 1;
        List<List<Object>> pairs = List.of(List.of(0, -0.0), List.of(-0.0, 0.0), List.of(beyondDouble, (double) beyondDouble),
                List.of(beyondDouble, beyondDouble), List.of(Double.NaN, Double.NaN), List.of(1, "1"),
                List.of(List.of(1, 2), List.of(2, 1)), List.of(new Document("p", 1).append("q", 2),
                        new Document("q", 2).append("p", 1)), List.of(List.of(new Document("p", -0.0)),
                        List.of(new Document("p", 0L))), List.of(new Document("p", 1), List.of(1)));
        for (List<Object> pair : pairs) {
            assertThat(FieldAssignments.unchanged(pair.get(0), pair.get(1))).as("%s", pair)
                    .isEqualTo(stockUnchanged(pair.get(0), pair.get(1)));
        }
        assertThat(FieldAssignments.unchanged(0, -0.0)).isTrue();
        assertThat(FieldAssignments.unchanged(beyondDouble, (double) beyondDouble)).isFalse();
    }

    @Property(tries = 2000)
    void whatCountsAsUnchangedIsWhatTheStockServerCounts(@ForAll("values") Object old, @ForAll("values") Object value)
            throws ReflectiveOperationException {
        assertThat(FieldAssignments.unchanged(old, value)).isEqualTo(stockUnchanged(old, value));
    }

    @Property(tries = 500)
    void aValueIsUnchangedByItsNormalisedTwin(@ForAll("values") Object value) throws ReflectiveOperationException {
        Object twin = twin(value);
        assertThat(FieldAssignments.unchanged(value, twin)).isEqualTo(stockUnchanged(value, twin)).isTrue();
    }

    /** The same value with every number as another type of the same value, as a client may send it. */
    private static Object twin(Object value) {
        if (value instanceof Integer number) {
            return number.longValue();
        }
        if (value instanceof Long number && number.longValue() == (long) number.doubleValue()) {
            return number.doubleValue();
        }
        if (value instanceof Document document) {
            Document copy = new Document();
            document.forEach((key, inner) -> copy.put(key, twin(inner)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FieldAssignmentsTest::twin).toList();
        }
        return value;
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 3).map(Object.class::cast),
                Arbitraries.longs().between(-3, 3).map(Object.class::cast),
                Arbitraries.of(Long.MAX_VALUE, Long.MAX_VALUE - 1, 1L << 53, (1L << 53) + 1).map(Object.class::cast),
                Arbitraries.of(0.0, -0.0, 1.0, 2.5, Double.NaN, Double.POSITIVE_INFINITY, 9.223372036854776E18)
                        .map(Object.class::cast),
                Arbitraries.of("a", "b", "1").map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.of(Instant.EPOCH, Instant.ofEpochMilli(1)).map(Object.class::cast),
                Arbitraries.just(Missing.getInstance()).map(Object.class::cast),
                Arbitraries.just(null));
        return Arbitraries.recursive(() -> scalars, this::containers, 0, 3);
    }

    private Arbitrary<Object> containers(Arbitrary<Object> inner) {
        Arbitrary<Object> lists = inner.list().ofMaxSize(3).map(Object.class::cast);
        Arbitrary<Object> documents = Arbitraries.of("p", "q", "r").list().uniqueElements().ofMaxSize(3)
                .flatMap(keys -> inner.list().ofSize(keys.size()).map(values -> {
                    Document document = new Document();
                    for (int i = 0; i < keys.size(); i++) {
                        document.put(keys.get(i), values.get(i));
                    }
                    return (Object) document;
                }));
        return Arbitraries.oneOf(lists, documents, inner);
    }
}
