package io.segstream.segmentation.expressions;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import io.segstream.segmentation.domain.ClassAssignment;
import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.ClockSensitivity;
import io.segstream.segmentation.domain.CurrentClass;
import io.segstream.segmentation.domain.DefinitionKind;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.SegmentDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled definition. A dimension tries its classes in order and the first whose condition holds wins (the last
 * is the catch-all {@code true}); an audience's class is "true" or "false". A condition whose evaluation fails (it
 * reads a field the customer does not have without {@code has()}) does not hold.
 *
 * <p>The reason of a class is what the conditions tried read: the profile fields and other dimensions named in them,
 * with the customer's values, plus the condition that held.
 */
final class CelDimension implements Dimension {
    private static final Pattern PROFILE_FIELD = Pattern.compile("profile\\.([A-Za-z0-9_]+)");
    private static final String CLOCK_FIELD = "profile\\.(recencyDays|tenureDays)";
    private static final String COMPARISON = "\\s*(?:>=|<=|==|!=|>|<)\\s*";
    private static final Pattern FIELD_THEN_NUMBER = Pattern.compile(CLOCK_FIELD + COMPARISON + "(\\d+)");
    private static final Pattern NUMBER_THEN_FIELD = Pattern.compile("(\\d+)" + COMPARISON + CLOCK_FIELD);
    private static final Pattern WINDOW_FIELD = Pattern.compile(
            "profile\\.(purchases30d|purchases90d|purchases365d|monetary365d|complaintsRecent)");
    private static final Pattern SEGMENT_KEY = Pattern.compile("segments\\[\\s*['\"]([^'\"]+)['\"]\\s*]");
    /**
     * A use of profile or segments other than a named field or a literal key (the whole struct in a list, a key
     * computed at run time): what such a condition reads cannot be told from its text.
     */
    private static final Pattern OPAQUE_USE = Pattern.compile(
            "\\bprofile\\b(?!\\s*\\.\\s*[A-Za-z])|\\bsegments\\b(?!\\[\\s*['\"][^'\"]+['\"]\\s*])");

    private final SegmentDefinition definition;
    private final List<ClassRule> rules;
    private final List<CelRuntime.Program> programs;
    private final List<Set<String>> fieldsRead;
    private final List<Set<String>> segmentsRead;
    /** Whether each condition reads only named fields and literal segment keys (so it can be skipped, see below). */
    private final List<Boolean> readsAreKnown;
    private final ClockSensitivity clockSensitivity;

    CelDimension(SegmentDefinition definition, List<ClassRule> rules, List<CelRuntime.Program> programs) {
        this.definition = definition;
        this.rules = List.copyOf(rules);
        this.programs = List.copyOf(programs);
        List<String> texts = definition.kind() == DefinitionKind.AUDIENCE ? List.of(definition.expression())
                : rules.stream().map(ClassRule::when).toList();
        this.fieldsRead = new ArrayList<>();
        this.segmentsRead = new ArrayList<>();
        this.readsAreKnown = new ArrayList<>();
        for (String text : texts) {
            fieldsRead.add(matches(PROFILE_FIELD, text));
            segmentsRead.add(matches(SEGMENT_KEY, text));
            readsAreKnown.add(text != null && !OPAQUE_USE.matcher(text).find());
        }
        this.clockSensitivity = clockSensitivityOf(texts);
    }

    /**
     * Thresholds on recency and tenure written as a literal compared with the field (either side), and whether a
     * window figure is read. A threshold computed by arithmetic is not seen: such a class changes at the customer's
     * next event instead (documented).
     */
    private static ClockSensitivity clockSensitivityOf(List<String> texts) {
        Set<Long> recency = new java.util.TreeSet<>();
        Set<Long> tenure = new java.util.TreeSet<>();
        boolean windows = false;
        for (String text : texts) {
            String source = text == null ? "" : text;
            Matcher first = FIELD_THEN_NUMBER.matcher(source);
            while (first.find()) {
                (first.group(1).equals("recencyDays") ? recency : tenure).add(Long.parseLong(first.group(2)));
            }
            Matcher second = NUMBER_THEN_FIELD.matcher(source);
            while (second.find()) {
                (second.group(2).equals("recencyDays") ? recency : tenure).add(Long.parseLong(second.group(1)));
            }
            windows |= WINDOW_FIELD.matcher(source).find();
        }
        return new ClockSensitivity(recency, tenure, windows);
    }

    @Override
    public ClockSensitivity clockSensitivity() {
        return clockSensitivity;
    }

    @Override
    public String key() {
        return definition.key();
    }

    @Override
    public long definitionVersion() {
        return definition.version();
    }

    @Override
    public DefinitionKind kind() {
        return definition.kind();
    }

    SegmentDefinition definition() {
        return definition;
    }

    @Override
    public ClassAssignment classify(ProfileFigures figures) {
        return classify(figures, Map.of());
    }

    @Override
    public ClassAssignment classify(ProfileFigures figures, Map<String, String> segments) {
        Map<String, Object> profile = ProfileVariables.of(figures);
        ProfileValue value = ProfileVariables.value(figures);
        // A resolver rather than a map: evaluating with a map copies it into a new activation every time.
        CelVariableResolver variables = name -> switch (name) {
            case "profile" -> Optional.of(value);
            case "segments" -> Optional.of(segments);
            default -> Optional.empty();
        };
        if (definition.kind() == DefinitionKind.AUDIENCE) {
            boolean member = holds(programs.get(0), variables);
            return new ClassAssignment(member ? DefinitionKind.MEMBER : DefinitionKind.NOT_MEMBER,
                    reason(profile, segments, 0, definition.expression()));
        }
        for (int i = 0; i < programs.size(); i++) {
            if (holds(programs.get(i), variables)) {
                return new ClassAssignment(rules.get(i).name(), reason(profile, segments, i, rules.get(i).when()));
            }
        }
        // Unreachable for a compiled dimension (its last condition is "true"); kept total all the same.
        int last = rules.size() - 1;
        return new ClassAssignment(rules.get(last).name(), reason(profile, segments, last, rules.get(last).when()));
    }

    /**
     * The class still holds when every value read by the conditions tried up to it (what its reason records: the
     * profile fields and segments they name, absent ones included as absent) is unchanged: the same conditions on the
     * same values give the same class.
     */
    @Override
    public boolean stillHolds(CurrentClass current, ProfileFigures figures, Map<String, String> segments) {
        int held = definition.kind() == DefinitionKind.AUDIENCE ? 0 : classIndex(current.className());
        if (held < 0) {
            return false;
        }
        Map<String, Object> profile = ProfileVariables.of(figures);
        Map<String, Object> reason = current.reason();
        for (int i = 0; i <= held; i++) {
            if (!readsAreKnown.get(i)) {
                return false;
            }
            for (String field : fieldsRead.get(i)) {
                if (!Objects.equals(reason.get(field), profile.get(field))) {
                    return false;
                }
            }
            for (String key : segmentsRead.get(i)) {
                if (!Objects.equals(reason.get("segments[" + key + "]"), segments.get(key))) {
                    return false;
                }
            }
        }
        return true;
    }

    private int classIndex(String className) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).name().equals(className)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean holds(CelRuntime.Program program, CelVariableResolver variables) {
        try {
            return Boolean.TRUE.equals(program.eval(variables));
        } catch (CelEvaluationException e) {
            return false;
        }
    }

    /** The values read by the conditions tried up to (and including) the one that held. */
    private Map<String, Object> reason(Map<String, Object> profile, Map<String, String> segments, int upTo,
                                       String held) {
        Map<String, Object> reason = new LinkedHashMap<>();
        for (int i = 0; i <= upTo; i++) {
            for (String field : fieldsRead.get(i)) {
                if (profile.containsKey(field)) {
                    reason.put(field, profile.get(field));
                }
            }
            for (String key : segmentsRead.get(i)) {
                if (segments.containsKey(key)) {
                    reason.put("segments[" + key + "]", segments.get(key));
                }
            }
        }
        reason.put("when", held);
        return reason;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
