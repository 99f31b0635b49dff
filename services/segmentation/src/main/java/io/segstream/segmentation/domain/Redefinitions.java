package io.segstream.segmentation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changing a definition: preview what it would change over the profiles' view, and store it as a new version. The
 * stream then re-evaluates every customer on it ({@link Segmentation#reevaluateAfter}, slice by slice in each task)
 * exactly as the preview classifies (same rule, same "current class" as the starting point), so absent intervening
 * events it emits exactly the changes the preview counted, with cause "redefinition".
 *
 * <p>Only the redefined definition is re-evaluated; audiences that read it follow at the customer's next event or
 * sweep.
 */
public final class Redefinitions {
    public static final String CAUSE = "redefinition";

    private final DefinitionCatalogue catalogue;
    private final ProfileQueries queries;
    private final ProfilePolicy policy;
    private final int pageSize;
    private final int sampleSize;

    public Redefinitions(DefinitionCatalogue catalogue, ProfileQueries queries, ProfilePolicy policy, int pageSize,
                         int sampleSize) {
        this.catalogue = catalogue;
        this.queries = queries;
        this.policy = policy;
        this.pageSize = pageSize;
        this.sampleSize = sampleSize;
    }

    /**
     * What the definition would change as of {@code asOf}, without storing or applying anything.
     *
     * @throws InvalidDefinition when it does not compile or could not be stored (a kind change)
     */
    public Preview preview(SegmentDefinition proposed, Instant asOf) {
        Dimension dimension = catalogue.validate(proposed);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, List<String>> enteredSample = new LinkedHashMap<>();
        Map<String, List<String>> leftSample = new LinkedHashMap<>();
        proposed.classNames().forEach(name -> counts.put(name, new long[2]));
        long evaluated = 0;
        long unchanged = 0;
        String after = null;
        while (true) {
            List<CustomerProfile> page = queries.profilesAfter(after, pageSize);
            for (CustomerProfile profile : page) {
                evaluated++;
                String from = currentClass(profile, dimension);
                String to = dimension.classify(catalogue.enrich(profile.figures(asOf, policy)),
                        profile.segmentsView()).className();
                if (Objects.equals(from, to)) {
                    unchanged++;
                    continue;
                }
                counts.computeIfAbsent(to, name -> new long[2])[0]++;
                sample(enteredSample, to, profile.customerId());
                if (from != null) {
                    counts.computeIfAbsent(from, name -> new long[2])[1]++;
                    sample(leftSample, from, profile.customerId());
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1).customerId();
        }
        Map<String, Preview.ClassMoves> classes = new LinkedHashMap<>();
        counts.forEach((name, moves) -> classes.put(name, new Preview.ClassMoves(moves[0], moves[1],
                enteredSample.getOrDefault(name, List.of()), leftSample.getOrDefault(name, List.of()))));
        return new Preview(proposed.key(), evaluated, unchanged, classes);
    }

    /** Validates and stores the definition as a new version, which events use from now on. */
    public SegmentDefinition define(SegmentDefinition proposed) {
        return catalogue.define(proposed);
    }

    /** The key of the RFM dimension, which the population's changes re-score. */
    public static final String RFM_KEY = "rfm";

    private static String currentClass(CustomerProfile profile, Dimension dimension) {
        return profile.currentClass(dimension.key()).map(CurrentClass::className)
                .orElse(dimension.kind() == DefinitionKind.AUDIENCE ? DefinitionKind.NOT_MEMBER : null);
    }

    private void sample(Map<String, List<String>> samples, String className, String customerId) {
        List<String> sample = samples.computeIfAbsent(className, name -> new ArrayList<>());
        if (sample.size() < sampleSize) {
            sample.add(customerId);
        }
    }
}
