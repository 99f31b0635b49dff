package io.segstream.segmentation.expressions;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.DefinitionCompiler;
import io.segstream.segmentation.domain.DefinitionKind;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.InvalidDefinition;
import io.segstream.segmentation.domain.SegmentDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles segment definitions with Google's CEL: parsed, type-checked against the declared {@code profile} struct
 * ({@link ProfileVariables}) and {@code segments} (map of string to string), and required to be boolean. Only the
 * standard functions and macros exist (no extensions, no custom functions). Abuse is bounded before evaluation: the
 * length of each expression, CEL's parse recursion depth and node count, and the iterations of comprehension macros
 * (CEL for Java has no evaluation timer; with these bounds and linear-time RE2 regular expressions an evaluation is
 * bounded by the expression's size).
 */
public final class CelDefinitionCompiler implements DefinitionCompiler {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** The catch-all a dimension's last class must have, so that every customer gets exactly one class. */
    static final String CATCH_ALL = "true";
    /** Characters of a description: a sentence for people, not a document. */
    static final int MAX_DESCRIPTION_LENGTH = 500;

    private final Cel cel;
    private final CelRuntime runtime;
    private final Limits limits;

    /**
     * @param maxExpressionLength   characters of one expression
     * @param maxClasses            classes of one dimension
     * @param maxNodes              parsed nodes of one expression
     * @param maxIterations         iterations of one comprehension (exists, all, map, filter)
     */
    public record Limits(int maxExpressionLength, int maxClasses, int maxNodes, int maxIterations) {
    }

    public CelDefinitionCompiler(Limits limits) {
        this.limits = limits;
        StructType profile = ProfileVariables.TYPE;
        CelTypeProvider types = new CelTypeProvider() {
            @Override
            public ImmutableCollection<CelType> types() {
                return ImmutableList.of(profile);
            }

            @Override
            public Optional<CelType> findType(String name) {
                return profile.name().equals(name) ? Optional.of(profile) : Optional.empty();
            }
        };
        this.cel = CelFactory.standardCelBuilder()
                .setOptions(options(limits))
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setTypeProvider(types)
                .addVar("profile", profile)
                .addVar("segments", MapType.create(SimpleType.STRING, SimpleType.STRING))
                .setResultType(SimpleType.BOOL)
                .build();
        // The planner resolves functions, overloads and attributes once, when a program is made, where the default
        // interpreter resolves them at every evaluation: the same results, in a fraction of the time (benchmarks.md).
        // It requires heterogeneous numeric comparisons at run time; the type checker still refuses an int compared
        // with a double, so a definition that compiles means what it meant before.
        this.runtime = CelRuntimeFactory.plannerRuntimeBuilder()
                .setOptions(options(limits).toBuilder().enableHeterogeneousNumericComparisons(true).build())
                .setTypeProvider(types)
                .build();
    }

    private static CelOptions options(Limits limits) {
        return CelOptions.current()
                .maxExpressionCodePointSize(limits.maxExpressionLength())
                .maxParseExpressionNodeCount(limits.maxNodes())
                .comprehensionMaxIterations(limits.maxIterations())
                .build();
    }

    @Override
    public Dimension compile(SegmentDefinition definition) {
        if (!KEY.matcher(definition.key()).matches()) {
            throw new InvalidDefinition("key", "a key is 1-63 lower-case letters, digits and '-', starting with a letter");
        }
        if (definition.description() != null && (definition.description().length() > MAX_DESCRIPTION_LENGTH
                || !printable(definition.description()))) {
            throw new InvalidDefinition("description", "a description is at most " + MAX_DESCRIPTION_LENGTH
                    + " printable characters");
        }
        if (definition.kind() == DefinitionKind.AUDIENCE) {
            if (!definition.classes().isEmpty()) {
                throw new InvalidDefinition("classes", "an audience has an expression, not classes");
            }
            return new CelDimension(definition, List.of(), List.of(program("expression", definition.expression())));
        }
        if (definition.expression() != null) {
            throw new InvalidDefinition("expression", "a dimension has classes, not an expression");
        }
        List<ClassRule> classes = definition.classes();
        if (classes.isEmpty() || classes.size() > limits.maxClasses()) {
            throw new InvalidDefinition("classes", "a dimension has 1 to " + limits.maxClasses() + " classes");
        }
        Set<String> names = new HashSet<>();
        List<CelRuntime.Program> programs = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            ClassRule rule = classes.get(i);
            String where = "classes[" + i + "]";
            if (!CLASS_NAME.matcher(rule.name()).matches() || DefinitionKind.MEMBER.equals(rule.name())
                    || DefinitionKind.NOT_MEMBER.equals(rule.name())) {
                throw new InvalidDefinition(where + ".name",
                        "a class name is 1-64 letters, digits, '_' and '-' (and not true or false)");
            }
            if (!names.add(rule.name())) {
                throw new InvalidDefinition(where + ".name", "class " + rule.name() + " is defined twice");
            }
            programs.add(program(where + ".when", rule.when()));
        }
        if (!CATCH_ALL.equals(classes.get(classes.size() - 1).when().strip())) {
            throw new InvalidDefinition("classes[" + (classes.size() - 1) + "].when",
                    "the last class must be the catch-all \"true\", so that every customer has exactly one class");
        }
        return new CelDimension(definition, classes, programs);
    }

    /**
     * No control characters (tab and line breaks aside), no bidirectional overrides (text that reads differently from
     * how it evaluates) and no unpaired surrogates (not text at all).
     */
    static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private CelRuntime.Program program(String where, String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidDefinition(where, "the expression is missing");
        }
        if (expression.length() > limits.maxExpressionLength()) {
            throw new InvalidDefinition(where, "the expression is longer than " + limits.maxExpressionLength()
                    + " characters");
        }
        if (!printable(expression)) {
            throw new InvalidDefinition(where, "the expression contains control, direction-override or unpaired "
                    + "surrogate characters");
        }
        CelValidationResult result = cel.compile(expression);
        if (result.hasError()) {
            CelIssue first = result.getErrors().get(0);
            int line = first.getSourceLocation().getLine();
            int column = first.getSourceLocation().getColumn();
            throw new InvalidDefinition(where, result.getErrorString(), line > 0 ? line : null,
                    column >= 0 && line > 0 ? column + 1 : null);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            ExpressionGuard.check(where, ast);
            return runtime.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new InvalidDefinition(where, e.getMessage());
        }
    }
}
