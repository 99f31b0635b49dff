package io.segstream.segmentation.expressions;

import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.DefinitionKind;
import io.segstream.segmentation.domain.DefinitionStore;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.InvalidDefinition;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue as data: seeded once, versioned on every change, evaluated dimensions first. */
class DefinitionCatalogueTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    /** Versions in memory, like the MongoDB store: the highest version of a key is current. */
    static final class VersionsInMemory implements DefinitionStore {
        final List<SegmentDefinition> versions = new ArrayList<>();
        int seeds;

        @Override
        public List<SegmentDefinition> current() {
            return versions.stream().map(SegmentDefinition::key).distinct()
                    .map(key -> current(key).orElseThrow()).toList();
        }

        @Override
        public Optional<SegmentDefinition> current(String key) {
            return versions.stream().filter(d -> d.key().equals(key))
                    .max(Comparator.comparingLong(SegmentDefinition::version));
        }

        @Override
        public SegmentDefinition saveNewVersion(SegmentDefinition definition) {
            SegmentDefinition stored = definition.withVersion(
                    current(definition.key()).map(SegmentDefinition::version).orElse(0L) + 1, NOW);
            versions.add(stored);
            return stored;
        }

        @Override
        public void seed(List<SegmentDefinition> definitions) {
            seeds++;
            definitions.stream().filter(d -> current(d.key()).isEmpty()).forEach(d -> versions.add(d.withVersion(1, NOW)));
        }
    }

    private final VersionsInMemory store = new VersionsInMemory();
    private final DefinitionCatalogue catalogue = new DefinitionCatalogue(store, CelDefinitionCompilerTest.COMPILER,
            DefaultCatalogue.definitions(90, 180));

    @Test
    void anEmptyStoreIsSeededOnFirstUseAndNeverAgain() {
        assertThat(catalogue.dimensions()).hasSize(DefaultCatalogue.definitions(90, 180).size());
        catalogue.reload();

        assertThat(store.seeds).isEqualTo(1);
        assertThat(catalogue.definitions()).allSatisfy(d -> assertThat(d.version()).isEqualTo(1));
        // Dimensions by key, then audiences by key: audiences see every dimension of the same evaluation.
        List<Dimension> order = catalogue.dimensions();
        assertThat(order.get(0).key()).isEqualTo("category-preference");
        assertThat(order.get(order.size() - 1).kind()).isEqualTo(DefinitionKind.AUDIENCE);
    }

    @Test
    void everyChangeIsANewVersionInForceAtOnce() {
        SegmentDefinition changed = SegmentDefinition.dimension("value-tier", "lower", List.of(
                new ClassRule("HIGH", "profile.monetary365d >= 3000.0"), new ClassRule("LOW", "true")));

        SegmentDefinition stored = catalogue.define(changed);

        assertThat(stored.version()).isEqualTo(2);
        assertThat(catalogue.definition("value-tier")).hasValueSatisfying(d -> assertThat(d.version()).isEqualTo(2));
        assertThat(catalogue.dimensions()).filteredOn(d -> d.key().equals("value-tier"))
                .singleElement().satisfies(d -> assertThat(d.definitionVersion()).isEqualTo(2));
        assertThat(catalogue.define(changed).version()).isEqualTo(3);
    }

    @Test
    void anInvalidDefinitionOrAKindChangeIsRefusedAndNothingIsStored() {
        catalogue.reload();
        int stored = store.versions.size();

        assertThatThrownBy(() -> catalogue.define(SegmentDefinition.audience("value-tier", null, "true")))
                .isInstanceOfSatisfying(InvalidDefinition.class, e -> assertThat(e.where()).isEqualTo("kind"));
        assertThatThrownBy(() -> catalogue.define(SegmentDefinition.audience("new-one", null, "profile.nope")))
                .isInstanceOf(InvalidDefinition.class);
        assertThat(store.versions).hasSize(stored);
    }
}
