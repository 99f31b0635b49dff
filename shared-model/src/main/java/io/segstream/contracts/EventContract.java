package io.segstream.contracts;

/**
 * One event of the public contract: the topic it travels on, its CloudEvents type, the record that
 * represents its payload and the JSON Schema that describes it.
 */
public record EventContract<T>(String topic, String ceType, Class<T> payloadType, String schemaResource) {

    /** Classpath location of the JSON Schema for this payload. */
    public String schemaPath() {
        return "/contracts/schemas/" + schemaResource;
    }
}
