package io.segstream.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Map;

/**
 * An update made only of {@code $set} and {@code $unset} of plain field paths (what marking an outbox entry
 * published or clearing a profile's pending changes is), applied to a stored document without the stock update's
 * two deep copies of it: the result is a new document that shares every value the update does not touch, and copies
 * only the sub-documents on the paths it sets. Stored documents are never changed, so the sharing is safe.
 *
 * <p>Anything this does not answer exactly like the stock update ({@link #parse} returns null, {@link #apply} throws
 * {@link StockPath}) is left to it: other operators, positional or array paths, {@code _id} and conflicting paths. A
 * value the stock server counts as unchanged although it differs in Java (a number of another type, inside arrays and
 * sub-documents too) leaves the stored one, as there.
 */
final class FieldAssignments {
    private static final String SET = "$set";
    private static final String UNSET = "$unset";
    private static final String ID = "_id";

    /** Thrown by {@link #apply} when the stock update must handle the document. */
    static final class StockPath extends RuntimeException {
        StockPath() {
            super(null, null, false, false);
        }
    }

    private record Assignment(List<String> path, Object value, boolean unset) {
    }

    private final List<Assignment> assignments;

    private FieldAssignments(List<Assignment> assignments) {
        this.assignments = assignments;
    }

    /** The assignments of an update, or null when it is not only {@code $set} and {@code $unset} of plain paths. */
    static FieldAssignments parse(Document update) {
        if (update.isEmpty()) {
            return null;
        }
        List<Assignment> assignments = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            boolean unset = operator.getKey().equals(UNSET);
            if (!unset && !operator.getKey().equals(SET) || !(operator.getValue() instanceof Document fields)
                    || fields.isEmpty()) {
                return null;
            }
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                String path = field.getKey();
                if (!plain(path) || paths.stream().anyMatch(other -> overlaps(path, other))) {
                    return null;
                }
                paths.add(path);
                assignments.add(new Assignment(List.of(path.split("\\.")), field.getValue(), unset));
            }
        }
        return new FieldAssignments(assignments);
    }

    /** The top-level fields the update sets or removes (or sets inside). */
    Set<String> topLevelFields() {
        Set<String> fields = new HashSet<>();
        assignments.forEach(assignment -> fields.add(assignment.path().get(0)));
        return fields;
    }

    /** A path of non-empty names, none an operator or {@code _id}'s. */
    private static boolean plain(String path) {
        if (path.isEmpty() || path.contains("$") || path.startsWith(".") || path.endsWith(".")
                || path.contains("..")) {
            return false;
        }
        return !path.equals(ID) && !path.startsWith(ID + ".");
    }

    /** The same path, or one inside the other: the stock server refuses such an update. */
    private static boolean overlaps(String path, String other) {
        return path.equals(other) || path.startsWith(other + ".") || other.startsWith(path + ".");
    }

    /**
     * The document after the update: {@code current} itself when nothing changes, else a new document (the old
     * field order, fields it sets appended).
     *
     * @throws StockPath when the stock update is to handle it
     */
    Document apply(Document current) {
        Document result = current;
        for (Assignment assignment : assignments) {
            result = assignment.unset() ? unset(result, current, assignment.path(), 0)
                    : set(result, current, assignment.path(), 0, assignment.value());
        }
        return result;
    }

    /**
     * Sets the value at {@code path[depth..]} inside {@code document}, copying it first unless it is already a copy
     * (it is not {@code original}, the stored one, at this depth).
     */
    private static Document set(Document document, Object original, List<String> path, int depth, Object value) {
        String name = path.get(depth);
        Object old = document.get(name);
        boolean present = document.containsKey(name);
        if (depth == path.size() - 1) {
            if (present && unchanged(old, value)) {
                return document;
            }
            Document changed = copyUnlessCopied(document, original);
            changed.put(name, value);
            return changed;
        }
        Object originalChild = original instanceof Document stored ? stored.get(name) : null;
        Document child;
        if (old instanceof Document sub) {
            child = sub;
        } else if (old == null) {
            // Missing or null on the way: the stock update creates the sub-document.
            child = new Document();
            originalChild = null;
        } else {
            // An array (positional semantics) or a scalar (an error): the stock update's business.
            throw new StockPath();
        }
        Document updatedChild = set(child, old == null ? null : originalChild, path, depth + 1, value);
        if (updatedChild == child && old != null) {
            return document;
        }
        Document changed = copyUnlessCopied(document, original);
        changed.put(name, updatedChild);
        return changed;
    }

    private static Document unset(Document document, Object original, List<String> path, int depth) {
        String name = path.get(depth);
        if (!document.containsKey(name)) {
            return document;
        }
        if (depth == path.size() - 1) {
            Document changed = copyUnlessCopied(document, original);
            changed.remove(name);
            return changed;
        }
        Object child = document.get(name);
        if (child instanceof Collection<?>) {
            throw new StockPath();
        }
        if (!(child instanceof Document sub)) {
            // Nothing below a scalar or null: nothing to remove.
            return document;
        }
        Object originalChild = original instanceof Document stored ? stored.get(name) : null;
        Document updatedChild = unset(sub, originalChild, path, depth + 1);
        if (updatedChild == sub) {
            return document;
        }
        Document changed = copyUnlessCopied(document, original);
        changed.put(name, updatedChild);
        return changed;
    }

    private static Document copyUnlessCopied(Document document, Object original) {
        return document == original ? new Document(document) : document;
    }

    /**
     * True when the stock update would leave the value as it is: its {@code Utils.nullAwareEquals}, which compares
     * normalised copies (null and missing alike, numbers as doubles unless a long has no exact double, -0.0 as 0.0,
     * every map as a document whose field order counts, every collection as a list), without making the copies.
     */
    static boolean unchanged(Object old, Object value) {
        return old == value || normalizedEquals(old, value);
    }

    private static boolean normalizedEquals(Object a, Object b) {
        boolean aNull = Missing.isNullOrMissing(a);
        boolean bNull = Missing.isNullOrMissing(b);
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a instanceof Number || b instanceof Number) {
            return a instanceof Number x && b instanceof Number y && normalized(x).equals(normalized(y));
        }
        if (a instanceof Map<?, ?> x) {
            return b instanceof Map<?, ?> y && sameFields(x, y);
        }
        if (a instanceof Collection<?> x) {
            return b instanceof Collection<?> y && sameElements(x, y);
        }
        // A plain value never equals a normalised map or list.
        return !(b instanceof Map<?, ?>) && !(b instanceof Collection<?>) && a.equals(b);
    }

    /** The stock normalisation of a number: itself for a long a double cannot hold, else its double (no -0.0). */
    private static Object normalized(Number number) {
        if (number instanceof Long whole && whole.longValue() != (long) whole.doubleValue()) {
            return whole;
        }
        double value = number.doubleValue();
        return value == -0.0 ? 0.0 : value;
    }

    /** The same field names in the same order, with values equal after normalisation. */
    private static boolean sameFields(Map<?, ?> a, Map<?, ?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<? extends Map.Entry<?, ?>> others = b.entrySet().iterator();
        for (Map.Entry<?, ?> field : a.entrySet()) {
            Map.Entry<?, ?> other = others.next();
            if (!field.getKey().equals(other.getKey()) || !normalizedEquals(field.getValue(), other.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameElements(Collection<?> a, Collection<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<?> others = b.iterator();
        for (Object element : a) {
            if (!normalizedEquals(element, others.next())) {
                return false;
            }
        }
        return true;
    }
}
