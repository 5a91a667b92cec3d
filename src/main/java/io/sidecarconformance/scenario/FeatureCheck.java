package io.sidecarconformance.scenario;

import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.pattern.Pattern;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Checks the feature files before any cluster work: every fault named in a step and every pattern, sidecar and
 * variant in an Examples table must exist, and the variant must suit the pattern. Errors name file and line.
 */
public final class FeatureCheck {

    private static final java.util.regex.Pattern FAULT_STEP = java.util.regex.Pattern.compile("under the \"([^\"]*)\" fault");

    private FeatureCheck() {
    }

    /** @throws IllegalArgumentException one line per problem found first: file:line: what is wrong; known values */
    public static int check(Path featuresDir) {
        if (!Files.isDirectory(featuresDir)) {
            throw new IllegalArgumentException("no features folder at " + featuresDir.toAbsolutePath()
                    + "; run from the repository root");
        }
        int rows = 0;
        try (Stream<Path> files = Files.walk(featuresDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
                rows += checkFile(f, Files.readAllLines(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static int checkFile(Path file, List<String> lines) {
        List<String> header = null;
        int rows = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1) + ": ";
            Matcher m = FAULT_STEP.matcher(line);
            if (m.find()) {
                validate(where, () -> Faults.byId(m.group(1)));
            }
            if (!line.startsWith("|")) {
                header = line.startsWith("Examples") ? new ArrayList<>() : header;
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|")).map(String::strip).toList();
            if (header != null && header.isEmpty()) {
                header.addAll(cells);
                for (String column : List.of("pattern", "sidecar", "variant")) {
                    if (!header.contains(column)) {
                        throw new IllegalArgumentException(where + "Examples table has no '" + column
                                + "' column; its header must name pattern, sidecar and variant");
                    }
                }
                continue;
            }
            if (header == null || !header.contains("pattern")) {
                continue;
            }
            rows++;
            String pattern = cell(header, cells, "pattern");
            String sidecar = cell(header, cells, "sidecar");
            String variant = cell(header, cells, "variant");
            Pattern p = validate(where, () -> Patterns.byId(pattern));
            validate(where, () -> SidecarKind.byId(sidecar));
            Variant v = validate(where, () -> Variant.parse(variant));
            if (!p.supports(v)) {
                throw new IllegalArgumentException(where + "variant '" + variant + "' does not apply to pattern '"
                        + pattern + "' (startup probes gate main only for native sidecars)");
            }
        }
        return rows;
    }

    private static String cell(List<String> header, List<String> cells, String column) {
        int i = header.indexOf(column);
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }

    private static <T> T validate(String where, java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage());
        }
    }
}
