package io.sidecarconformance.report;

import io.sidecarconformance.result.AppliedObject;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.SuiteResults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What decides whether a cell applies to a reader's own cluster, stated beside the summary from results.json: the
 * nodes' cgroup version (on v2 with the memory.oom.group their containers had), container runtime and runc per
 * column, the images each sidecar kind ran, and the kind of object every cell ran as. Facts only; each line says what
 * it was read from.
 */
final class Caveats {

    private Caveats() {
    }

    static String render(SuiteResults run) {
        List<String> clusters = GridLayout.of(run).clusters();
        List<String> lines = new ArrayList<>();
        byColumns(run, clusters, c -> c.cgroupVersion() == null ? null : "cgroup " + c.cgroupVersion()
                + (c.memoryOomGroup() == null ? "" : " with memory.oom.group=" + c.memoryOomGroup()))
                .ifPresent(text -> lines.add("Nodes: " + text + ". OOM kills and memory limits behave differently"
                        + " on the other cgroup version (on v2 the kernel may kill a container's whole cgroup), so the"
                        + " OOM faults' cells may not carry over."));
        byColumns(run, clusters, c -> c.containerRuntime() == null ? null
                : c.containerRuntime() + (c.runcVersion() == null ? "" : " with runc " + c.runcVersion()))
                .ifPresent(text -> lines.add("Container runtime: " + text + ". Your runtime's version may differ from"
                        + " the column of your Kubernetes version."));
        sidecarImages(run).forEach((sidecar, images) -> lines.add("The " + sidecar + " sidecar ran "
                + String.join(", ", images) + " (read from the applied objects; the public names of the local images)."));
        objects(run).ifPresent(lines::add);
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section id=\"caveats\"><h2>Before you apply a cell to your cluster</h2><ul>");
        lines.forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>"));
        return html.append("</ul></section>\n").toString();
    }

    /** "v1 on every column", or "X on 1.27, 1.28; Y on 1.30" (short names); empty when no column reported it. */
    static java.util.Optional<String> byColumns(SuiteResults run, List<String> clusters, Function<ClusterInfo, String> fact) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (ClusterInfo cluster : run.clusters()) {
            String value = fact.apply(cluster);
            if (value != null && clusters.contains(cluster.id())) {
                columns.computeIfAbsent(value, v -> new ArrayList<>()).add(ClusterNames.shortName(cluster.id(), clusters));
            }
        }
        if (columns.isEmpty()) {
            return java.util.Optional.empty();
        }
        int reported = columns.values().stream().mapToInt(List::size).sum();
        if (columns.size() == 1) {
            String value = columns.keySet().iterator().next();
            return java.util.Optional.of(value + (reported == clusters.size() ? " on every column" : " on " + String.join(", ",
                    columns.get(value)) + " (the others did not report it)"));
        }
        List<String> parts = new ArrayList<>();
        columns.forEach((value, names) -> parts.add(value + " on " + String.join(", ", names)));
        return java.util.Optional.of(String.join("; ", parts));
    }

    /** Per sidecar kind, the images only its runs name (what every kind's runs name, such as main's, left out). */
    static Map<String, List<String>> sidecarImages(SuiteResults run) {
        Map<String, Set<String>> byKind = new LinkedHashMap<>();
        Set<String> seenManifests = new java.util.HashSet<>();
        for (ScenarioResult result : run.results()) {
            Set<String> images = byKind.computeIfAbsent(result.key().sidecar(), k -> new LinkedHashSet<>());
            for (AppliedObject o : result.applied()) {
                // Manifests repeat across runs; each text is read once per sidecar kind.
                if (seenManifests.add(result.key().sidecar() + "\n" + o.manifest())) {
                    Reproduction.images(o.manifest()).forEach(i -> images.add(PublicImages.publicName(i)));
                }
            }
        }
        Map<String, List<String>> own = new LinkedHashMap<>();
        byKind.forEach((kind, images) -> {
            List<String> only = images.stream().filter(i -> byKind.entrySet().stream()
                    .noneMatch(other -> !other.getKey().equals(kind) && other.getValue().contains(i))).toList();
            if (!only.isEmpty() && byKind.size() > 1) {
                own.put(kind, only);
            }
        });
        return own;
    }

    /** "Every cell ran as a Job (a batch Job: ...)" when every run that recorded its objects applied one. */
    private static java.util.Optional<String> objects(SuiteResults run) {
        List<ScenarioResult> recorded = run.results().stream().filter(r -> !r.applied().isEmpty()).toList();
        if (recorded.isEmpty()) {
            return java.util.Optional.empty();
        }
        long jobs = recorded.stream().filter(r -> r.applied().stream().anyMatch(o -> o.kind().equals("Job"))).count();
        String share = jobs == recorded.size() ? "Every cell ran its pod as a batch Job" : jobs + " of " + recorded.size()
                + " runs that recorded their objects ran their pod as a batch Job";
        return java.util.Optional.of(share + " (read from the applied objects): the outcome is the Job's; a pod of a"
                + " Deployment or a bare pod with restartPolicy Always never completes, so only the findings carry over.");
    }
}
