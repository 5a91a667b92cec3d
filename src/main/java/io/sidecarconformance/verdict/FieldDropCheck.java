package io.sidecarconformance.verdict;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields we sent that the API server did not keep: an API server that does not know a field
 * (or has its feature gate off) drops it silently. Server defaults never count: only what we sent is checked.
 */
public final class FieldDropCheck {

    private FieldDropCheck() {
    }

    /** Paths (e.g. {@code initContainers[sidecar].restartPolicy}) present in {@code sent} and absent in {@code stored}. */
    public static List<String> dropped(JsonNode sent, JsonNode stored) {
        List<String> out = new ArrayList<>();
        walk("", sent, stored, out);
        return out;
    }

    private static void walk(String path, JsonNode sent, JsonNode stored, List<String> out) {
        if (sent == null || sent.isNull()) {
            return;
        }
        if (stored == null || stored.isNull() || stored.isMissingNode()) {
            if (!omittedWhenEmpty(sent)) {
                out.add(path.isEmpty() ? "(root)" : path);
            }
            return;
        }
        if (sent.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = sent.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                walk(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), stored.get(f.getKey()), out);
            }
        } else if (sent.isArray()) {
            for (int i = 0; i < sent.size(); i++) {
                JsonNode element = sent.get(i);
                String name = element.hasNonNull("name") ? element.get("name").asText() : null;
                JsonNode match = name == null ? stored.get(i) : byName(stored, name);
                walk(path + "[" + (name == null ? Integer.toString(i) : name) + "]", element, match, out);
            }
        }
    }

    /** The API server's JSON leaves out zero values (Go's omitempty), e.g. {@code initialDelaySeconds: 0}: not a drop. */
    private static boolean omittedWhenEmpty(JsonNode sent) {
        return (sent.isNumber() && sent.decimalValue().signum() == 0)
                || (sent.isBoolean() && !sent.booleanValue())
                || (sent.isTextual() && sent.textValue().isEmpty())
                || (sent.isContainerNode() && sent.isEmpty());
    }

    private static JsonNode byName(JsonNode array, String name) {
        if (array == null || !array.isArray()) {
            return null;
        }
        for (JsonNode n : array) {
            if (n.hasNonNull("name") && n.get("name").asText().equals(name)) {
                return n;
            }
        }
        return null;
    }
}
