package io.segstream.segmentation.expressions;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.ast.CelExpr;
import io.segstream.segmentation.domain.InvalidDefinition;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a type-checked expression for what CEL itself allows but a segment definition must not do: read anything
 * but {@code profile}, {@code segments} and the variables of its own macros (type names such as {@code int} or
 * {@code google.protobuf.Struct} are identifiers too), escape the declared types ({@code dyn()}, {@code type()}), or
 * nest comprehension macros deeper than {@value #MAX_COMPREHENSION_DEPTH} (each is bounded by the iteration limit,
 * but nested ones multiply: with this depth an evaluation stays within the square of that limit), or nest any
 * deeper than {@value #MAX_DEPTH} levels (a readable condition is far shallower; evaluation recurses per level).
 */
final class ExpressionGuard {
    static final int MAX_COMPREHENSION_DEPTH = 2;
    static final int MAX_DEPTH = 32;
    private static final Set<String> VARIABLES = Set.of("profile", "segments");
    private static final Set<String> FORBIDDEN_FUNCTIONS = Set.of("dyn", "type");

    private final String where;
    private final CelAbstractSyntaxTree ast;

    private ExpressionGuard(String where, CelAbstractSyntaxTree ast) {
        this.where = where;
        this.ast = ast;
    }

    /** @throws InvalidDefinition naming the first offending part and where it is */
    static void check(String where, CelAbstractSyntaxTree ast) {
        new ExpressionGuard(where, ast).visit(ast.getExpr(), Set.of(), 0, 0);
    }

    private void visit(CelExpr expr, Set<String> bound, int depth, int level) {
        if (level > MAX_DEPTH) {
            throw refused(expr, "the expression nests deeper than " + MAX_DEPTH + " levels");
        }
        int next = level + 1;
        switch (expr.getKind()) {
            case IDENT -> {
                String name = expr.ident().name();
                if (!VARIABLES.contains(name) && !bound.contains(name)) {
                    throw refused(expr, "an expression reads only profile and segments, not " + shorten(name));
                }
            }
            case SELECT -> visit(expr.select().operand(), bound, depth, next);
            case CALL -> {
                String function = expr.call().function();
                if (FORBIDDEN_FUNCTIONS.contains(function)) {
                    throw refused(expr, "the function " + function + "() is not allowed in a segment definition");
                }
                expr.call().target().ifPresent(target -> visit(target, bound, depth, next));
                expr.call().args().forEach(arg -> visit(arg, bound, depth, next));
            }
            case LIST -> expr.list().elements().forEach(element -> visit(element, bound, depth, next));
            case MAP -> expr.map().entries().forEach(entry -> {
                visit(entry.key(), bound, depth, next);
                visit(entry.value(), bound, depth, next);
            });
            case STRUCT -> throw refused(expr, "an expression cannot build messages");
            case COMPREHENSION -> {
                CelExpr.CelComprehension comprehension = expr.comprehension();
                if (depth + 1 > MAX_COMPREHENSION_DEPTH) {
                    throw refused(expr, "macros (exists, all, map, filter) nest at most " + MAX_COMPREHENSION_DEPTH
                            + " deep");
                }
                visit(comprehension.iterRange(), bound, depth, next);
                Set<String> inner = new HashSet<>(bound);
                inner.add(comprehension.accuVar());
                visit(comprehension.accuInit(), inner, depth, next);
                inner.add(comprehension.iterVar());
                if (!comprehension.iterVar2().isEmpty()) {
                    inner.add(comprehension.iterVar2());
                }
                for (CelExpr part : List.of(comprehension.loopCondition(), comprehension.loopStep(),
                        comprehension.result())) {
                    visit(part, inner, depth + 1, next);
                }
            }
            default -> {
                // constants
            }
        }
    }

    private InvalidDefinition refused(CelExpr expr, String message) {
        Optional<CelSourceLocation> location = Optional.ofNullable(ast.getSource().getPositionsMap().get(expr.id()))
                .flatMap(offset -> ast.getSource().getOffsetLocation(offset));
        if (location.isPresent() && location.get().getLine() > 0) {
            return new InvalidDefinition(where, message, location.get().getLine(), location.get().getColumn() + 1);
        }
        return new InvalidDefinition(where, message);
    }

    /** Names come from the request: quote at most a few characters of one back. */
    private static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }
}
