package io.sidecarconformance.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.ResultsJson;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Command line: gives a results.json written before results.json had a catalog the suite's catalog of today
 * ({@link SuiteCatalog}), so the report reads its faults' order, aims and figures as it does a new run's. Only that
 * section is added, as the lines the suite writes, before "results"; every other byte stays. A file whose catalog
 * lacks the variant parts (written before the catalog had them) gains only those, as the catalog's last entry; a file
 * that has both is left alone. {@code CatalogBackfill <results.json>...}; exit 0 done, 2 a file it cannot read or change.
 */
public final class CatalogBackfill {

    private static final String RESULTS = "\n  \"results\" : ";

    private CatalogBackfill() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        for (String arg : args) {
            Path file = Path.of(arg);
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String backfilled = backfill(text, SuiteCatalog.of(), arg);
                if (backfilled.equals(text)) {
                    out.println(arg + ": has a catalog with variant parts; left alone");
                } else {
                    Files.writeString(file, backfilled, StandardCharsets.UTF_8);
                    out.println(arg + (text.contains("\n  \"catalog\" : ") ? ": variant parts added to its catalog" : ": catalog added"));
                }
            } catch (IOException | IllegalArgumentException e) {
                err.println("CatalogBackfill: " + arg + ": " + e.getMessage());
                return 2;
            }
        }
        return 0;
    }

    /** The text with the catalog's section inserted before "results", or unchanged when it has one. */
    static String backfill(String text, Catalog catalog, String origin) throws IOException {
        JsonNode before = ResultsJson.mapper().readTree(text);
        if (before.has("catalog")) {
            return before.path("catalog").has("variants") || catalog.variants().isEmpty() ? text
                    : withVariants(text, before, catalog, origin);
        }
        int at = text.indexOf(RESULTS);
        if (!before.has("results") || at < 0) {
            throw new IllegalArgumentException("no top-level \"results\" to put the catalog before");
        }
        String result = text.substring(0, at + 1) + section(catalog) + text.substring(at + 1);
        ObjectNode after = (ObjectNode) ResultsJson.mapper().readTree(result);
        if (!ResultsJson.fromJson(result, origin).catalog().equals(catalog) || !after.without("catalog").equals(before)) {
            throw new IllegalStateException(origin + ": the backfilled file does not read back as the same run plus the catalog");
        }
        return result;
    }

    /** The catalog's variant parts added as its last entry, right before the catalog closes ahead of "results". */
    private static String withVariants(String text, JsonNode before, Catalog catalog, String origin) throws IOException {
        String close = "\n  }," + RESULTS;
        int at = text.indexOf(close);
        if (at < 0) {
            throw new IllegalArgumentException("no catalog right before \"results\" to add the variant parts to");
        }
        String section = section(catalog);
        String variants = section.substring(section.indexOf("    \"variants\""), section.lastIndexOf("\n  }"));
        String result = text.substring(0, at) + ",\n" + variants + text.substring(at);
        JsonNode after = ResultsJson.mapper().readTree(result);
        Catalog had = ResultsJson.fromJson(text, origin).catalog();
        Catalog has = ResultsJson.fromJson(result, origin).catalog();
        if (!has.equals(new Catalog(had.faults(), had.patterns(), had.sidecars(), catalog.variants(), had.workloads()))
                || !((ObjectNode) after.path("catalog")).without("variants").equals(before.path("catalog"))
                || !((ObjectNode) after.deepCopy()).without("catalog").equals(((ObjectNode) before.deepCopy()).without("catalog"))) {
            throw new IllegalStateException(origin + ": the backfilled file does not read back as the same run plus the variant parts");
        }
        return result;
    }

    /** "  \"catalog\" : { ... },\n": as the suite writes it, at the top level's indentation. */
    private static String section(Catalog catalog) throws JsonProcessingException {
        String wrapped = ResultsJson.mapper().writeValueAsString(Map.of("catalog", catalog));
        return wrapped.substring(wrapped.indexOf('\n') + 1, wrapped.lastIndexOf('\n')) + ",\n";
    }
}
