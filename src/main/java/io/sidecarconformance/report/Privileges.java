package io.sidecarconformance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sidecarconformance.result.AppliedObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run's objects ask of the node beyond an ordinary pod, read from the manifests it applied: each privileged
 * container, and each pod that shares the node's process namespace (hostPID). A reader must allow both to reproduce it.
 */
final class Privileges {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Why such objects exist in these runs, in words. */
    static final String WHY = "a dind sidecar's dockerd runs containers itself (namespaces, cgroups, mounts), so its"
            + " container is privileged; a chaos agent signals the target container's process from the node, so it runs"
            + " privileged in a pod with hostPID";

    private Privileges() {
    }

    /** E.g. "Job sc-job: container sidecar (docker:20.10.24-dind) privileged", "Pod sc-agent-kill: hostPID, container agent (busybox:1.35.0) privileged". */
    static List<String> of(List<AppliedObject> applied) {
        Set<String> found = new LinkedHashSet<>();
        for (AppliedObject o : applied) {
            if (!Reproduction.isApiObject(o) && !o.kind().equals(Reproduction.PATCH_KIND)) {
                continue;
            }
            JsonNode tree;
            try {
                tree = YAML.readTree(o.manifest());
            } catch (JsonProcessingException e) {
                continue; // not YAML or JSON: nothing to say of it
            }
            List<String> parts = new ArrayList<>();
            walk(tree, parts);
            if (!parts.isEmpty()) {
                found.add(o.kind() + " " + o.name() + ": " + String.join(", ", parts));
            }
        }
        return List.copyOf(found);
    }

    private static void walk(JsonNode node, List<String> parts) {
        if (node == null) {
            return;
        }
        if (node.path("hostPID").asBoolean(false)) {
            parts.add("hostPID");
        }
        if (node.has("name") && node.path("securityContext").path("privileged").asBoolean(false)) {
            String image = node.path("image").asText("");
            parts.add("container " + node.path("name").asText()
                    + (image.isEmpty() ? "" : " (" + PublicImages.publicName(image) + ")") + " privileged");
        }
        if (node.isContainerNode()) {
            node.forEach(child -> walk(child, parts));
        }
    }
}
