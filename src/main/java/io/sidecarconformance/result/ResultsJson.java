package io.sidecarconformance.result;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * results.json: {@link SuiteResults} as pretty-printed JSON. Instants are ISO-8601 strings, enums their names,
 * fields in record order and map entries sorted by key, so two runs diff cleanly. Unknown fields are ignored
 * on reading, so an older reader can open a newer file of the same schema. Each distinct manifest is held once
 * ({@link SharedManifests}); a file of the schema before that, with every manifest inline, still reads.
 */
public final class ResultsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultsJson() {
    }

    /** The mapper behind results.json, for anything that must serialise the same way (the page's data blob). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Always in the current schema, whatever {@code run.schema()} says: this is the only shape it writes. */
    public static String toJson(SuiteResults run) {
        try {
            ObjectNode file = MAPPER.valueToTree(run);
            file.put("schema", SuiteResults.SCHEMA);
            // derived, for readers: each cell's runs counted by outcome and finding kind (ignored when read back)
            file.set("cells", MAPPER.valueToTree(CellTally.of(run.results())));
            // derived, for readers: how each pod of the normal ends ended (RecomputeCheck compares it with the timelines)
            file.set("endOfPod", MAPPER.valueToTree(EndOfPodTable.of(run.results())));
            SharedManifests.share(file);
            return MAPPER.writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise results of run " + run.runId(), e);
        }
    }

    public static void write(SuiteResults run, Path file) throws IOException {
        Files.writeString(file, toJson(run), StandardCharsets.UTF_8);
    }

    /**
     * Reads and checks a results.json.
     *
     * @throws ResultsFileException with a one-line message naming the file when it is missing, not JSON,
     *                              or not a results.json of a schema this reader knows
     */
    public static SuiteResults read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ResultsFileException(file + " does not exist", e);
        } catch (IOException e) {
            throw new ResultsFileException("cannot read " + file + ": " + oneLine(e.toString()), e);
        }
        return fromJson(text, file.toString());
    }

    /** As {@link #read(Path)}, from text; {@code origin} names the text in error messages. */
    public static SuiteResults fromJson(String text, String origin) throws ResultsFileException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ResultsFileException(origin + " is not valid JSON (" + describe(e) + ")", e);
        }
        checkShape(tree, origin);
        SharedManifests.inline((ObjectNode) tree, origin);
        try {
            return MAPPER.treeToValue(tree, SuiteResults.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ResultsFileException(origin + " is not a valid results.json (" + describe(e) + ")", e);
        }
    }

    /**
     * The file's "endOfPod" section as it was written, or empty for a file written before it existed. Read apart from
     * the run: it is derived, never read back into one.
     */
    public static java.util.Optional<EndOfPodTable> endOfPod(String text, String origin) throws ResultsFileException {
        try {
            JsonNode section = MAPPER.readTree(text).get("endOfPod");
            return section == null || section.isNull() ? java.util.Optional.empty()
                    : java.util.Optional.of(MAPPER.treeToValue(section, EndOfPodTable.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ResultsFileException(origin + " has an endOfPod section this reader cannot read (" + describe(e) + ")", e);
        }
    }

    // A results.json is recognised by its schema field; anything else is some other JSON file passed by mistake.
    private static void checkShape(JsonNode tree, String origin) throws ResultsFileException {
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            throw new ResultsFileException(origin + " is not a results.json (expected a JSON object with \"schema\": "
                    + SuiteResults.SCHEMA + ")");
        }
        JsonNode schema = tree.get("schema");
        if (schema == null || !schema.isInt()) {
            throw new ResultsFileException(origin + " is not a results.json (no \"schema\" number)");
        }
        if (schema.intValue() < SuiteResults.OLDEST_READABLE || schema.intValue() > SuiteResults.SCHEMA) {
            throw new ResultsFileException(origin + " has schema " + schema.intValue() + " but this reader knows schema "
                    + SuiteResults.SCHEMA + (schema.intValue() < SuiteResults.SCHEMA
                    ? " (one verdict per cell, before outcome and findings); re-run the suite to get schema " + SuiteResults.SCHEMA
                    : "; use the suite version that wrote it"));
        }
        JsonNode runId = tree.get("runId");
        if (runId == null || !runId.isTextual() || runId.textValue().isBlank()) {
            throw new ResultsFileException(origin + " is not a results.json (no \"runId\")");
        }
        JsonNode results = tree.get("results");
        if (results == null || !results.isArray()) {
            throw new ResultsFileException(origin + " is not a results.json (no \"results\" array)");
        }
    }

    private static String describe(Exception e) {
        if (e instanceof JsonMappingException de && !de.getPath().isEmpty()) {
            return "at " + jsonPath(de.getPath()) + ": " + oneLine(de.getOriginalMessage());
        }
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation at = jpe.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return oneLine(jpe.getOriginalMessage()) + where;
        }
        return oneLine(String.valueOf(e.getMessage()));
    }

    // "results[3].key" reads better in a one-line message than Jackson's class-qualified reference chain.
    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                out.append('[').append(step.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
