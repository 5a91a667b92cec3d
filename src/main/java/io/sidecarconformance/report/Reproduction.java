package io.sidecarconformance.report;

import io.sidecarconformance.result.AppliedObject;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to run one recorded run of a cell again with kubectl on any cluster, from the objects it applied, in order: the
 * API objects up to the first patch or action are applied at once, from one YAML file (and the cluster's file of each
 * of them that runs of several cells applied alike, see {@link ClusterObjects}); every later step (an
 * ephemeral-container patch, an action such as a deletion, a later object such as the chaos agent) follows it in the
 * same order, each after a prompt that says when the suite took it, because the suite timed it on the pod's timeline.
 *
 * @param files   file name (relative to the report folder) to content, in the order the command uses them
 * @param command one shell line: {@code NS=sc-repro; kubectl create ns "$NS" && kubectl -n "$NS" apply -f ... && ...}
 * @param images  the images the files name (public ones for the local clusters' own, {@link PublicImages}): the cluster
 *                must be able to pull (or already hold) them
 * @param steps   each step in words: what it applies or does, and when the suite did it
 * @param privileged what the objects ask of the node beyond an ordinary pod ({@link Privileges})
 */
record Reproduction(Map<String, String> files, String command, List<String> images, List<String> steps,
                    List<String> privileged) {

    static final String DIR = "repro";
    static final String PATCH_KIND = "ephemeralcontainers patch";
    static final String ACTION_KIND = "action";

    // indentation as [ \t]*, not \s*: two adjacent \s* around the optional "-" backtrack quadratically over a manifest's
    // indentation, and every page render runs this on every manifest of every run
    private static final Pattern YAML_IMAGE = Pattern.compile("(?m)^[ \\t]*(?:-\\s*)?image:\\s*[\"']?([^\"'\\s]+)");
    private static final Pattern JSON_IMAGE = Pattern.compile("\"image\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * Each record's reproduction, in the order given. A file that every run of a cell writes with the same content is
     * named after the cell, {@code <cell>.yaml}, so it is written once; a file the runs differ in is named per run,
     * {@code <cell>-runN.yaml}; an object of the cluster's, {@code shared/<kind>-<name>.yaml}.
     */
    static List<Optional<Reproduction>> of(List<ScenarioResult> results) {
        ClusterObjects clusterObjects = ClusterObjects.of(results);
        Map<ScenarioKey, List<Map<String, String>>> filesByCell = new HashMap<>();
        for (ScenarioResult result : results) {
            // named by suffix only, to compare the runs of a cell file by file
            build(result, clusterObjects, suffix -> suffix)
                    .ifPresent(r -> filesByCell.computeIfAbsent(result.key(), k -> new ArrayList<>()).add(r.files()));
        }
        return results.stream().map(result -> {
            List<Map<String, String>> runs = filesByCell.getOrDefault(result.key(), List.of());
            Predicate<String> alike = suffix -> runs.stream().allMatch(files -> runs.get(0).get(suffix) != null
                    && runs.get(0).get(suffix).equals(files.get(suffix)));
            String cell = clusterDir(result) + "/" + result.key().slug();
            return build(result, clusterObjects,
                    suffix -> cell + (alike.test(suffix) ? "" : "-run" + result.repeat()) + suffix);
        }).toList();
    }

    /**
     * Nothing to reproduce from when the run recorded no objects (every run before -Drepeat existed).
     *
     * @param fileName a file's path from its suffix ({@code .yaml}, {@code .step3.json})
     */
    private static Optional<Reproduction> build(ScenarioResult result, ClusterObjects clusterObjects,
                                                UnaryOperator<String> fileName) {
        if (result.applied().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<String> commands = new ArrayList<>(List.of("NS=sc-repro; kubectl create ns \"$NS\""));
        List<String> steps = new ArrayList<>();
        Set<String> images = new LinkedHashSet<>();
        List<AppliedObject> applied = result.applied();
        int first = leading(applied).size();
        String job = applied.stream().filter(o -> o.kind().equals("Job")).map(AppliedObject::name).findFirst().orElse(null);
        if (first > 0) {
            StringBuilder yaml = new StringBuilder();
            for (AppliedObject o : applied.subList(0, first)) {
                steps.add("apply " + o.kind() + " " + o.name());
                if (clusterObjects.has(result.key().cluster(), o)) {
                    files.put(clusterDir(result) + "/shared/" + slug(o.kind() + "-" + o.name()) + ".yaml",
                            PublicImages.inManifest(withNewline(o.manifest())));
                } else {
                    yaml.append(yaml.length() == 0 ? "" : "---\n").append(PublicImages.inManifest(withNewline(o.manifest())));
                }
            }
            if (yaml.length() > 0) {
                files.put(fileName.apply(".yaml"), yaml.toString());
            }
            // the files so far are the objects applied at once: the cluster's shared ones first, then the cell's
            commands.add("kubectl -n \"$NS\" apply" + files.keySet().stream().map(f -> " -f " + f).collect(Collectors.joining()));
        }
        for (int i = first; i < applied.size(); i++) {
            AppliedObject o = applied.get(i);
            String when = o.kind().equals(ACTION_KIND) ? o.name() : "next: " + o.kind() + " " + o.name();
            commands.add("read -r -p " + shellQuote(when + " - press Enter ") + " _");
            String step = ".step" + (i + 1);
            if (o.kind().equals(PATCH_KIND)) {
                String file = fileName.apply(step + ".json");
                files.put(file, PublicImages.inManifest(withNewline(o.manifest())));
                String pod = job == null ? shellQuote(o.name())
                        : "\"$(kubectl -n \"$NS\" get pod -l " + shellQuote("job-name=" + job)
                        + " -o jsonpath='{.items[0].metadata.name}')\"";
                commands.add("kubectl -n \"$NS\" patch pod " + pod
                        + " --subresource ephemeralcontainers --type strategic --patch-file " + file);
                steps.add("patch the pod's ephemeral containers (" + o.name() + ")");
            } else if (o.kind().equals(ACTION_KIND)) {
                commands.add(o.manifest().strip());
                steps.add(o.name() + ": " + o.manifest().strip());
            } else {
                String file = fileName.apply(step + ".yaml");
                files.put(file, PublicImages.inManifest(withNewline(o.manifest())));
                commands.add("kubectl -n \"$NS\" apply -f " + file);
                steps.add("apply " + o.kind() + " " + o.name());
            }
        }
        applied.forEach(o -> images(o.manifest()).forEach(image -> images.add(PublicImages.publicName(image))));
        return Optional.of(new Reproduction(files, String.join(" && ", commands), List.copyOf(images), steps,
                Privileges.of(applied)));
    }

    /** How to reproduce any cell, in words: shown on the page whether or not it runs its script. */
    static String howTo() {
        return "<section id=\"reproduce\"><h2>Reproduce a cell on your cluster</h2><p class=\"small\">Each run's objects are"
                + " under " + DIR + "/&lt;cluster&gt;/ beside this page, and its command (in the drill-down; without"
                + " JavaScript, under <i>reproduce</i> in every cell's entry in the pages " + CellsInWords.FILE + " lists) runs them from this page's folder"
                + " with kubectl in a namespace of its own, a prompt before each later step at the moment the suite took it."
                + " Every cell is a batch Job. " + Html.escape(PublicImages.rule()) + ". The pods are privileged where"
                + " the entry says so: " + Html.escape(Privileges.WHY) + "; a namespace that enforces the baseline or"
                + " restricted Pod Security level refuses them (label it pod-security.kubernetes.io/enforce=privileged)."
                + "</p></section>\n";
    }

    static boolean isApiObject(AppliedObject o) {
        return !o.kind().equals(PATCH_KIND) && !o.kind().equals(ACTION_KIND);
    }

    /** The API objects a run applied before its first patch or action: those applied at once. */
    static List<AppliedObject> leading(List<AppliedObject> applied) {
        int first = 0;
        while (first < applied.size() && isApiObject(applied.get(first))) {
            first++;
        }
        return applied.subList(0, first);
    }

    private static String clusterDir(ScenarioResult result) {
        return DIR + "/" + slug(result.key().cluster());
    }

    static List<String> images(String manifest) {
        Set<String> found = new LinkedHashSet<>();
        for (Pattern p : List.of(YAML_IMAGE, JSON_IMAGE)) {
            Matcher m = p.matcher(manifest);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return List.copyOf(found);
    }

    /** "local:1.31" -> "local-1.31"; never "..", so a recorded name cannot lead out of repro/. */
    private static String slug(String text) {
        return text.toLowerCase().replaceAll("[^a-z0-9.]+", "-").replaceAll("\\.{2,}", "-");
    }

    private static String withNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }

    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
