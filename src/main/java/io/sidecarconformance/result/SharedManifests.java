package io.sidecarconformance.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * results.json holds each distinct manifest once: the runs of a matrix apply the same scripts ConfigMap and, per cell,
 * the same Job again and again. The texts sit in a top-level {@code "manifests"} object, content hash to text, and each
 * applied entry names its text by that hash in {@code "manifestRef"}. An entry of a schema 2 file holds its text in
 * {@code "manifest"}, as the in-memory {@link AppliedObject} does; reading puts every text back there.
 */
final class SharedManifests {

    static final String MANIFESTS = "manifests";
    static final String REF = "manifestRef";
    private static final String TEXT = "manifest";
    /** 64 bits of SHA-256: no collision among a few thousand texts, and a run's refs stay short. */
    private static final int HASH_CHARS = 16;

    private SharedManifests() {
    }

    /** Moves each applied entry's text of {@code file} (a serialised {@link SuiteResults}) into the top-level map. */
    static void share(ObjectNode file) {
        Map<String, String> texts = new TreeMap<>();
        for (JsonNode result : file.path("results")) {
            for (JsonNode entry : result.path("applied")) {
                ObjectNode applied = (ObjectNode) entry;
                String text = applied.path(TEXT).asText("");
                String ref = hash(text);
                String before = texts.putIfAbsent(ref, text);
                if (before != null && !before.equals(text)) {
                    throw new IllegalStateException("two manifests share the hash " + ref);
                }
                applied.remove(TEXT);
                applied.put(REF, ref);
            }
        }
        ObjectNode map = file.putObject(MANIFESTS);
        texts.forEach(map::put);
    }

    /**
     * Puts each referenced text back into its entry, so that the file reads as the records it stands for.
     *
     * @throws ResultsFileException naming {@code origin} and the entry when an entry names a text the file lacks
     */
    static void inline(ObjectNode file, String origin) throws ResultsFileException {
        JsonNode texts = file.path(MANIFESTS);
        JsonNode results = file.path("results");
        for (int r = 0; r < results.size(); r++) {
            JsonNode applied = results.get(r).path("applied");
            for (int a = 0; a < applied.size(); a++) {
                JsonNode ref = applied.get(a).get(REF);
                if (ref == null || !(applied.get(a) instanceof ObjectNode entry)) {
                    continue; // schema 2: the text is inline
                }
                JsonNode text = texts.get(ref.asText());
                if (text == null || !text.isTextual()) {
                    throw new ResultsFileException(origin + " is not a valid results.json (results[" + r + "].applied["
                            + a + "] names manifest " + ref + ", which its \"" + MANIFESTS + "\" does not hold)");
                }
                entry.remove(REF);
                entry.set(TEXT, text);
            }
        }
        file.remove(MANIFESTS);
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
