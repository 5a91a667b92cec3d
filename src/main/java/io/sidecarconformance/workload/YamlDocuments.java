package io.sidecarconformance.workload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file's text into its YAML documents with the parser fabric8 itself reads YAML with (Jackson's, over
 * SnakeYAML), keeping the line each document starts on; empty documents are dropped. Invalid YAML is one line with
 * the parser's line and column.
 */
final class YamlDocuments {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlDocuments() {
    }

    static List<YamlDocument> split(String text, String file) {
        List<YamlDocument> documents = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = YAML.readTree(parser);
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(new YamlDocument(node, line));
                }
            }
        } catch (JsonProcessingException e) {
            throw new WorkloadInputException(file + " is not valid YAML: " + where(e) + problem(e)
                    + "; fix the file (kubectl apply --dry-run=client -f " + file + " shows the same)");
        } catch (IOException e) {
            throw new WorkloadInputException(file + " cannot be read: " + e.getMessage());
        }
        return documents;
    }

    /** "line 5, column 4: " from SnakeYAML's mark of the problem, or from Jackson's location when it has none. */
    private static String where(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return "line " + (marked.getProblemMark().getLine() + 1) + ", column " + (marked.getProblemMark().getColumn() + 1) + ": ";
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
        }
        return "";
    }

    private static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            String context = marked.getContext() == null ? "" : " (" + marked.getContext()
                    + (marked.getContextMark() == null ? "" : " at line " + (marked.getContextMark().getLine() + 1)) + ")";
            return marked.getProblem() + context;
        }
        String message = e.getOriginalMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
