package io.sidecarconformance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-way data flow, kept by reading the sources: feature -> steps -> scenario run -> timeline snapshot -> rules ->
 * result -> results.json -> HTML. A package may import only the packages below it.
 */
class PackageLayersTest {

    private static final Path MAIN = Path.of("src/main/java/io/sidecarconformance");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.sidecarconformance\\.([a-z]+)\\.", Pattern.MULTILINE);

    /** What each package may import; everything else is an upward (or sideways) import. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // Each -D property declared once and read (name, default, range, meaning): the floor.
            Map.entry("settings", Set.<String>of()),
            Map.entry("cluster", Set.of("settings")),
            Map.entry("timeline", Set.<String>of()),
            Map.entry("pattern", Set.of("cluster")),
            // A user's own pod (-Dworkload): its file read, its roles found, which faults apply; beside the patterns.
            Map.entry("workload", Set.of("pattern")),
            Map.entry("fault", Set.of("cluster", "pattern", "timeline", "workload", "result")),
            Map.entry("result", Set.of("timeline")),
            Map.entry("verdict", Set.of("pattern", "result", "timeline")),
            Map.entry("report", Set.of("result", "timeline")),
            // One scenario's run: submit, watch, fire the fault, end, decide.
            Map.entry("scenario", Set.of("cluster", "pattern", "fault", "timeline", "verdict", "result", "workload")),
            // Namespace hygiene: each run's namespaces, marked, kept alive and swept when abandoned.
            Map.entry("hygiene", Set.of("cluster", "settings")),
            // Input checks before any cluster work: feature files, selection, the report folder.
            Map.entry("input", Set.of("pattern", "fault", "result", "workload")),
            // A run's CPU from the kernel's accounting: the machine's, and the cluster's processes by component.
            Map.entry("cpu", Set.of("cluster")),
            // The suite's lifecycle and settings: the top, the only package that sees every other.
            Map.entry("suite", Set.<String>of("settings", "cluster", "pattern", "fault", "timeline", "verdict", "result",
                    "report", "scenario", "hygiene", "input", "workload", "cpu")));

    @Test
    void everyPackageImportsOnlyPackagesBelowIt() throws IOException {
        Set<String> violations = new TreeSet<>();
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file).getName(0).toString();
                packages.add(pkg);
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.equals(pkg) && !ALLOWED.getOrDefault(pkg, Set.of()).contains(target)) {
                        violations.add(MAIN.relativize(file) + " imports " + target);
                    }
                }
            }
        }
        assertThat(packages).as("every package has a place in the layers").isSubsetOf(ALLOWED.keySet());
        assertThat(violations).as("upward imports").isEmpty();
    }
}
