package io.sidecarconformance.workload;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.stream.Collectors;

/**
 * Turns a document's tree into fabric8's model class. A field of the wrong type is one line: the document, the field's
 * path and what fabric8 expected.
 */
final class TypedObjects {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** A class name with its package ("java.util.ArrayList"): the user reads the simple name. */
    private static final String QUALIFIED_CLASS = "\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z]\\w*)";

    private TypedObjects() {
    }

    static <T> T convert(JsonNode node, Class<T> type, YamlDocument from, String file) {
        try {
            return SERIALIZATION.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw new WorkloadInputException(file + ": " + from.describe() + " does not read as a " + type.getSimpleName()
                    + ": " + field(e) + what(e) + "; fix that field");
        }
    }

    /** "spec.containers[0].ports[0].containerPort: " from Jackson's reference chain. */
    private static String field(IllegalArgumentException e) {
        if (!(e.getCause() instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        String path = mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return (path.startsWith(".") ? path.substring(1) : path) + ": ";
    }

    private static String what(IllegalArgumentException e) {
        String message = e.getCause() instanceof JsonMappingException mapping ? mapping.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("").replace("`", "")
                .replaceAll(QUALIFIED_CLASS, "$1");
    }
}
