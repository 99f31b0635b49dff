package io.segstream.embedded;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What is left of a filter once the documents it pins by _id have been looked up by key. */
class IdKeyedCollectionTest {

    @Test
    void aTopLevelIdConditionIsDroppedAndTheRestKept() {
        Document query = new Document("_id", new Document("$in", List.of("a", "b"))).append("version", 3);
        assertThat(IdKeyedCollection.withoutPinnedIds(query)).isEqualTo(new Document("version", 3));
        assertThat(query).containsKey("_id");
    }

    @Test
    void anIdConditionInsideAnAndIsDroppedFromItsElement() {
        Document query = new Document("$and", List.of(new Document("_id", "a"), new Document("version", 3)));
        assertThat(IdKeyedCollection.withoutPinnedIds(query))
                .isEqualTo(new Document("$and", List.of(new Document("version", 3))));
        Document onlyId = new Document("$and", List.of(new Document("_id", "a")));
        assertThat(IdKeyedCollection.withoutPinnedIds(onlyId)).isEmpty();
        Document mixed = new Document("$and", List.of(new Document("_id", "a").append("flag", true)));
        assertThat(IdKeyedCollection.withoutPinnedIds(mixed))
                .isEqualTo(new Document("$and", List.of(new Document("flag", true))));
    }

    @Test
    void aFilterThatPinsNoIdsIsLeftAlone() {
        Document range = new Document("_id", new Document("$gt", "a")).append("version", 3);
        assertThat(IdKeyedCollection.withoutPinnedIds(range)).isEqualTo(range);
    }

    @Test
    void theFieldsAFilterReadsAreItsTopLevelNamesThroughLogicalOperatorsAndAnyOtherOperatorReadsAll() {
        java.util.Set<String> fields = new java.util.HashSet<>();
        Document filter = new Document("version", 3).append("sub.a", new Document("$gt", 1))
                .append("$or", List.of(new Document("flag", true), new Document("$and", List.of(new Document("x", 1)))))
                .append("$nor", List.of(new Document("y.z", 2)));
        assertThat(IdKeyedCollection.addFilterFields(filter, fields)).isTrue();
        assertThat(fields).containsExactlyInAnyOrder("version", "sub", "flag", "x", "y");

        assertThat(IdKeyedCollection.addFilterFields(new Document("$expr", new Document("$gt", List.of("$a", 1))),
                new java.util.HashSet<>())).isFalse();
        assertThat(IdKeyedCollection.addFilterFields(new Document("$or", List.of(new Document("$where", "true"))),
                new java.util.HashSet<>())).isFalse();
    }
}
