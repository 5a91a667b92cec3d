package io.sidecarconformance.input;

import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.fault.WorkloadFaults;
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
 * variant in an Examples table must exist, the variant must suit the pattern, and the {@code @tolerant} tag must mark
 * exactly the rows whose variant ends in +tolerant. Errors name file and line.
 */
public final class FeatureCheck {

    /** Tags the Examples whose rows use the tolerant client, so that users can select them. */
    static final String TOLERANT_TAG = "@tolerant";
    private static final java.util.regex.Pattern FAULT_STEP = java.util.regex.Pattern.compile("under the \"([^\"]*)\" fault");

    private FeatureCheck() {
    }

    /** @throws IllegalArgumentException one line per problem found first: file:line: what is wrong; known values */
    public static int check(Path featuresDir) {
        return rows(featuresDir).size();
    }

    /** Every scenario row of the feature files, checked as {@link #check} does. */
    public static List<FeatureRow> rows(Path featuresDir) {
        if (!Files.isDirectory(featuresDir)) {
            throw new IllegalArgumentException("no features folder at " + featuresDir.toAbsolutePath()
                    + "; run from the repository root");
        }
        List<FeatureRow> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(featuresDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
                rows.addAll(checkFile(f, Files.readAllLines(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static List<FeatureRow> checkFile(Path file, List<String> lines) {
        List<String> header = null;
        String fault = "";
        String outline = "";
        boolean pending = false;     // @tolerant on the tag lines just read
        boolean inherited = false;   // @tolerant on the Feature or the Scenario Outline
        boolean tolerantTag = false; // the current Examples are tagged @tolerant
        List<FeatureRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1) + ": ";
            Matcher m = FAULT_STEP.matcher(line);
            if (m.find() && !m.group(1).startsWith("<")) {
                validate(where, () -> Faults.byId(m.group(1)));
                fault = m.group(1);
            }
            if (line.startsWith("@")) {
                pending |= Arrays.asList(line.split("\\s+")).contains(TOLERANT_TAG);
                continue;
            }
            if (!line.startsWith("|")) {
                if (line.startsWith("Examples")) {
                    header = new ArrayList<>();
                    tolerantTag = inherited || pending;
                } else if (line.startsWith("Feature") || line.startsWith("Scenario")) {
                    inherited |= pending;
                    if (line.startsWith("Scenario")) {
                        outline = line.substring(line.indexOf(':') + 1).strip();
                    }
                }
                pending = pending && (line.isEmpty() || line.startsWith("#"));
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|")).map(String::strip).toList();
            if (header != null && header.isEmpty()) {
                header.addAll(cells);
                if (header.equals(List.of("fault"))) {
                    continue;
                }
                for (String column : List.of("pattern", "sidecar", "variant")) {
                    if (!header.contains(column)) {
                        throw new IllegalArgumentException(where + "Examples table has no '" + column
                                + "' column; its header must name pattern, sidecar and variant");
                    }
                }
                continue;
            }
            if (header != null && header.equals(List.of("fault"))) {
                String own = cells.get(0);
                if (!WorkloadFaults.ids().contains(own)) {
                    throw new IllegalArgumentException(where + "unknown fault '" + own + "'; known: "
                            + String.join(", ", WorkloadFaults.ids()));
                }
                rows.add(new FeatureRow(file, i + 1, FeatureRow.OWN_POD, "", "", own, name(outline, header, cells)));
                continue;
            }
            if (header == null || !header.contains("pattern")) {
                continue;
            }
            String pattern = cell(header, cells, "pattern");
            String sidecar = cell(header, cells, "sidecar");
            String variant = cell(header, cells, "variant");
            Pattern p = validate(where, () -> Patterns.byId(pattern));
            validate(where, () -> SidecarKind.byId(sidecar));
            Variant v = validate(where, () -> Variant.parse(variant));
            if (!p.supports(v)) {
                throw new IllegalArgumentException(where + "variant '" + variant + "' does not apply to pattern '"
                        + pattern + "' (startup probes gate main only for native sidecars; an ephemeral container"
                        + " declares no probes)");
            }
            if (v.tolerant() != tolerantTag) {
                throw new IllegalArgumentException(where + "variant '" + variant + "' is " + (v.tolerant() ? "" : "not ")
                        + "tolerant but its Examples are " + (tolerantTag ? "" : "not ") + "tagged " + TOLERANT_TAG
                        + "; put +tolerant rows, and only those, under " + TOLERANT_TAG + " Examples");
            }
            if (!v.tolerant() && !fault.isEmpty() && Faults.byId(fault).needsRetryingClient()) {
                throw new IllegalArgumentException(where + "variant '" + variant + "' has a strict client, but under "
                        + fault + " every row needs one that retries (a strict one fails at the fault on every pattern"
                        + " and version); use '" + variant + "+tolerant' under " + TOLERANT_TAG + " Examples");
            }
            rows.add(new FeatureRow(file, i + 1, pattern, sidecar, variant, fault, name(outline, header, cells)));
        }
        return rows;
    }

    /** The outline's title with each {@code <column>} replaced by the row's value, as Cucumber names a pickle. */
    static String name(String outline, List<String> header, List<String> cells) {
        String name = outline;
        for (String column : header) {
            name = name.replace("<" + column + ">", cell(header, cells, column));
        }
        return name;
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
