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
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "cluster", Set.of(),
            "timeline", Set.of(),
            "pattern", Set.of("cluster"),
            "fault", Set.of("cluster", "pattern", "timeline"),
            "result", Set.of("timeline"),
            "verdict", Set.of("pattern", "result", "timeline"),
            "report", Set.of("result", "timeline"),
            "scenario", Set.of("cluster", "pattern", "fault", "timeline", "verdict", "result", "report"));

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
