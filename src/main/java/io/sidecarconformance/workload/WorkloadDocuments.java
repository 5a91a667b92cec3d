package io.sidecarconformance.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts a file's documents into the one workload and the ConfigMaps and Secrets applied before it; the items of a
 * {@code kind: List} (what {@code kubectl get ... -o yaml} writes) count as documents. The first document the suite
 * cannot take ends the read with its one line.
 */
final class WorkloadDocuments {

    private final List<YamlDocument> workloads = new ArrayList<>();
    private final List<HasMetadata> extras = new ArrayList<>();
    private final Map<String, Integer> extraLines = new LinkedHashMap<>();
    private final String file;

    private WorkloadDocuments(String file) {
        this.file = file;
    }

    /** The one workload document's pod, and the extra objects in file order. */
    record Sorted(WorkloadPod pod, List<HasMetadata> extras) {
    }

    static Sorted sort(List<YamlDocument> documents, String file) {
        WorkloadDocuments sorted = new WorkloadDocuments(file);
        documents.forEach(sorted::add);
        return sorted.result();
    }

    private void add(YamlDocument d) {
        if (ObjectKinds.isList(d)) {
            for (JsonNode item : d.node().path("items")) {
                add(new YamlDocument(item, d.line()));
            }
            return;
        }
        ObjectKinds.refusal(d).ifPresent(why -> {
            throw new WorkloadInputException(file + ": " + why);
        });
        if (ObjectKinds.isExtra(d)) {
            addExtra(d);
        } else {
            workloads.add(d);
        }
    }

    private void addExtra(YamlDocument d) {
        if (d.name().isEmpty()) {
            throw new WorkloadInputException(file + ": " + d.describe() + " has no metadata.name; give it the name the pod"
                    + " refers to it by");
        }
        Integer earlier = extraLines.putIfAbsent(d.kind() + "/" + d.name(), d.line());
        if (earlier != null) {
            throw new WorkloadInputException(file + ": " + d.describe() + " has the name of the " + d.kind() + " at line "
                    + earlier + "; give each its own name");
        }
        extras.add(d.kind().equals("Secret")
                ? TypedObjects.convert(d.node(), Secret.class, d, file)
                : TypedObjects.convert(d.node(), ConfigMap.class, d, file));
    }

    private Sorted result() {
        if (workloads.isEmpty()) {
            throw new WorkloadInputException(file + " holds no Job, Pod or pod template" + (extras.isEmpty() ? "" : " (only "
                    + extras.size() + " ConfigMap/Secret)") + "; add the pod to run, e.g. a Job with spec.template.spec.containers");
        }
        if (workloads.size() > 1) {
            throw new WorkloadInputException(file + " holds " + workloads.size() + " workloads (" + workloads.get(0).describe()
                    + ", " + workloads.get(1).describe() + (workloads.size() > 2 ? ", ..." : "")
                    + "); the suite runs one pod per file: put each in its own file");
        }
        return new Sorted(WorkloadPod.from(workloads.get(0), file), List.copyOf(extras));
    }
}
