package io.segstream.runtime.messaging;

import tools.jackson.core.JacksonException;

import java.util.stream.Collectors;

/** Describes where in a JSON document Jackson failed, as a dotted path such as "items[0].unitPrice". */
public final class JsonErrors {
    private JsonErrors() {
    }

    public static String path(JacksonException e) {
        if (e.getPath() == null || e.getPath().isEmpty()) {
            return "(root)";
        }
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
