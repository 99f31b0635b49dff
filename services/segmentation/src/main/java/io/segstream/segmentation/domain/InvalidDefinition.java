package io.segstream.segmentation.domain;

/**
 * A definition that cannot be accepted: an expression that does not parse or type-check (the message is the
 * compiler's, with line and column), or a structural mistake (no classes, duplicate class names...).
 */
public class InvalidDefinition extends RuntimeException {
    private final String where;
    private final Integer line;
    private final Integer column;

    public InvalidDefinition(String where, String message) {
        this(where, message, null, null);
    }

    /**
     * @param where  which part of the definition: "expression", "classes[2].when", "key"...
     * @param line   1-based line of the mistake within that expression, or null
     * @param column 1-based column of the mistake, or null
     */
    public InvalidDefinition(String where, String message, Integer line, Integer column) {
        super(message);
        this.where = where;
        this.line = line;
        this.column = column;
    }

    public String where() {
        return where;
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }
}
