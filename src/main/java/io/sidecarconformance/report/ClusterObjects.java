package io.sidecarconformance.report;

import io.sidecarconformance.result.AppliedObject;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects that runs of several cells on a cluster applied with one text, among those applied at once at the start:
 * the scripts ConfigMap, 13 KB that every cell applies. Their repro file is written once for the cluster.
 */
final class ClusterObjects {

    private record Named(String cluster, String kind, String name) {
    }

    private record Shared(String cluster, AppliedObject object) {
    }

    private final Set<Shared> shared;

    private ClusterObjects(Set<Shared> shared) {
        this.shared = shared;
    }

    static ClusterObjects of(List<ScenarioResult> results) {
        Map<Named, Set<String>> texts = new HashMap<>();
        Map<Named, Set<ScenarioKey>> cells = new HashMap<>();
        for (ScenarioResult result : results) {
            for (AppliedObject o : Reproduction.leading(result.applied())) {
                Named named = new Named(result.key().cluster(), o.kind(), o.name());
                texts.computeIfAbsent(named, n -> new HashSet<>()).add(o.manifest());
                cells.computeIfAbsent(named, n -> new HashSet<>()).add(result.key());
            }
        }
        Set<Shared> shared = new HashSet<>();
        texts.forEach((named, distinct) -> {
            if (distinct.size() == 1 && cells.get(named).size() > 1) {
                String text = distinct.iterator().next();
                shared.add(new Shared(named.cluster(), new AppliedObject(named.kind(), named.name(), text)));
            }
        });
        return new ClusterObjects(shared);
    }

    /** Whether {@code o}, applied at the start of a run on {@code cluster}, has the cluster's file. */
    boolean has(String cluster, AppliedObject o) {
        return shared.contains(new Shared(cluster, o));
    }
}
