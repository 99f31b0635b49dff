package io.segstream.segmentation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The segment catalogue as data: the current version of every stored definition, compiled. Seeded with the default
 * catalogue when the store holds none (on first use, so that no event is classified before). Evaluation order:
 * dimensions by key, then audiences by key, so audiences see every dimension of the same evaluation. A version is
 * compiled once: reloading after another definition changed recompiles only that one.
 */
public final class DefinitionCatalogue implements SegmentCatalogue {
    private final DefinitionStore store;
    private final DefinitionCompiler compiler;
    private final List<SegmentDefinition> defaults;
    private volatile Loaded loaded;
    private volatile RfmScoring population = RfmPopulation.EMPTY;
    /** Compiled definitions by key and version: versions never change once stored. */
    private final Map<String, Dimension> compiled = new ConcurrentHashMap<>();

    /** The compiled definitions, with their clock sensitivity worked out once (it is asked once per changed profile). */
    private record Loaded(List<SegmentDefinition> definitions, List<Dimension> dimensions,
                          ClockSensitivity clockSensitivity) {
    }

    public DefinitionCatalogue(DefinitionStore store, DefinitionCompiler compiler, List<SegmentDefinition> defaults) {
        this.store = store;
        this.compiler = compiler;
        this.defaults = List.copyOf(defaults);
    }

    @Override
    public List<Dimension> dimensions() {
        return loaded().dimensions();
    }

    @Override
    public ClockSensitivity clockSensitivity() {
        return loaded().clockSensitivity();
    }

    /** Scores RFM against the current population. */
    @Override
    public ProfileFigures enrich(ProfileFigures figures) {
        return figures.withRfm(population.score(figures));
    }

    /** Replaces the population RFM scores are quintiles of. */
    public void usePopulation(RfmScoring refreshed) {
        population = refreshed;
    }

    public RfmScoring population() {
        return population;
    }

    /** The current definitions, in evaluation order. */
    public List<SegmentDefinition> definitions() {
        return loaded().definitions();
    }

    public Optional<SegmentDefinition> definition(String key) {
        return definitions().stream().filter(definition -> definition.key().equals(key)).findFirst();
    }

    /**
     * Validates and stores a new version of a definition (a new key starts at version 1), then makes it current.
     *
     * @throws InvalidDefinition when an expression does not compile, or the kind of an existing key would change
     */
    public SegmentDefinition define(SegmentDefinition proposed) {
        validate(proposed);
        SegmentDefinition stored = store.saveNewVersion(proposed);
        reload();
        return stored;
    }

    /**
     * Compiles a proposed new version and checks that it could be stored: an existing key keeps its kind.
     *
     * @throws InvalidDefinition when it could not be stored
     */
    public Dimension validate(SegmentDefinition proposed) {
        Dimension compiled = compile(proposed);
        definition(proposed.key()).ifPresent(current -> {
            if (current.kind() != proposed.kind()) {
                throw new InvalidDefinition("kind", "definition " + proposed.key() + " is a " + current.kind()
                        + "; a key cannot change its kind");
            }
        });
        return compiled;
    }

    /** Validates and compiles a definition without storing it (for a preview). */
    public Dimension compile(SegmentDefinition definition) {
        return compiler.compile(definition);
    }

    /** Reads the current definitions again (after a change here or by another instance); seeds an empty store. */
    public synchronized void reload() {
        List<SegmentDefinition> current = store.current();
        if (current.isEmpty()) {
            store.seed(defaults);
            current = store.current();
        }
        List<SegmentDefinition> ordered = new ArrayList<>(current);
        ordered.sort(Comparator.comparing(SegmentDefinition::kind).thenComparing(SegmentDefinition::key));
        List<Dimension> dimensions = ordered.stream().map(this::compiledVersion).toList();
        loaded = new Loaded(List.copyOf(ordered), dimensions, ClockSensitivity.of(dimensions));
    }

    private Dimension compiledVersion(SegmentDefinition definition) {
        if (definition.version() == 0) {
            return compiler.compile(definition);
        }
        return compiled.computeIfAbsent(definition.key() + ":" + definition.version(),
                id -> compiler.compile(definition));
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            reload();
            current = loaded;
        }
        return current;
    }
}
