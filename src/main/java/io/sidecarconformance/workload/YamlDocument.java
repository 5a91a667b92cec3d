package io.sidecarconformance.workload;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One document of a workload file (or one item of a {@code kind: List}), as a tree, and the line it starts on: what
 * the file's checks read before any of it becomes a typed object.
 */
record YamlDocument(JsonNode node, int line) {

    String kind() {
        return text("kind");
    }

    /** The API group of its apiVersion: "" for the core group ({@code v1}) and when there is no apiVersion. */
    String group() {
        String apiVersion = text("apiVersion");
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    boolean hasApiVersion() {
        return !text("apiVersion").isEmpty();
    }

    String name() {
        return node.path("metadata").path("name").asText("");
    }

    String namespace() {
        return node.path("metadata").path("namespace").asText("");
    }

    /** How a message names it: "Deployment runner (line 3)", "the document at line 3". */
    String describe() {
        if (kind().isEmpty()) {
            return "the document at line " + line;
        }
        return kind() + (name().isEmpty() ? "" : " " + name()) + " (line " + line + ")";
    }

    private String text(String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asText("").strip() : "";
    }
}
