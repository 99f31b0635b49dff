package io.segstream.segmentation.expressions;

import dev.cel.common.exceptions.CelAttributeNotFoundException;
import dev.cel.common.types.CelType;
import dev.cel.common.values.StructValue;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code profile} variable as a CEL struct value over the customer's figures: CEL's runtime takes a value of its
 * own as it is, while a plain map it converts entry by entry at every field it reads (most of an evaluation's time
 * went there). A field unknown for the customer is absent: {@code has(profile.x)} is false, reading it is an error.
 */
final class ProfileValue extends StructValue<String, Object> {
    private final Map<String, Object> fields;
    private final CelType type;

    ProfileValue(Map<String, Object> fields, CelType type) {
        this.fields = fields;
        this.type = type;
    }

    @Override
    public Map<String, Object> value() {
        return fields;
    }

    @Override
    public boolean isZeroValue() {
        return fields.isEmpty();
    }

    @Override
    public CelType celType() {
        return type;
    }

    @Override
    public Object select(String field) {
        Object value = fields.get(field);
        if (value == null) {
            throw CelAttributeNotFoundException.forFieldResolution(field);
        }
        return value;
    }

    @Override
    public Optional<Object> find(String field) {
        return Optional.ofNullable(fields.get(field));
    }
}
