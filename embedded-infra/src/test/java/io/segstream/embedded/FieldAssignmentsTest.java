package io.segstream.embedded;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

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
    void numbersEqualInValueButNotInTypeAndArrayPathsGoToTheStockUpdate() {
        Document stored = stored();
        assertThatThrownBy(() -> FieldAssignments.parse(update("$set", new Document("version", 3))).apply(stored))
                .isInstanceOf(FieldAssignments.StockPath.class);
        assertThatThrownBy(() -> FieldAssignments.parse(update("$set", new Document("history.0", 9))).apply(stored))
                .isInstanceOf(FieldAssignments.StockPath.class);
        assertThat(FieldAssignments.parse(update("$set", new Document("version", 4))).apply(stored).get("version"))
                .isEqualTo(4);
    }
}
