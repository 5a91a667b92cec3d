package io.sidecarconformance.result;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the folder clusters/e2e/e2e.sh writes: {@code junit*.xml} (upstream e2e.test's JUnit report; its suite
 * nodes such as {@code [SynchronizedBeforeSuite]} count only when they failed), an optional
 * {@code selection} file (one word: quick or full) and an optional {@code reasons.tsv} (test name TAB explanation,
 * written by whoever looked into a failure; it takes the place of the failure's first line).
 */
public final class UpstreamE2eJunit {

    /** Suite setup and report nodes: not tests, unless one failed (then nothing after it could be trusted). */
    private static final Pattern SUITE_NODE =
            Pattern.compile("^\\[(Report|Synchronized)?(Before|After)Suite]|^\\[DeferCleanup \\(Suite\\)]");

    private UpstreamE2eJunit() {
    }

    /**
     * @throws ResultsFileException with a one-line message when the folder has no JUnit XML or one cannot be read
     */
    public static UpstreamE2e read(Path dir) throws ResultsFileException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().matches("junit.*\\.xml")).sorted().toList();
        } catch (IOException e) {
            throw new ResultsFileException(dir + ": cannot list the upstream e2e folder (" + e.getMessage()
                    + "); give the folder clusters/e2e/e2e.sh run wrote");
        }
        if (files.isEmpty()) {
            throw new ResultsFileException(dir + ": no junit*.xml in it; give the folder clusters/e2e/e2e.sh run wrote");
        }
        Map<String, String> reasons = reasons(dir.resolve("reasons.tsv"));
        int passed = 0;
        int ran = 0;
        int skipped = 0;
        List<UpstreamE2e.Failure> failures = new ArrayList<>();
        for (Path file : files) {
            NodeList cases = parse(file).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                Element failure = child(c, "failure", "error");
                if (failure == null && SUITE_NODE.matcher(c.getAttribute("name")).find()) {
                    continue;
                }
                if (failure != null) {
                    ran++;
                    String name = c.getAttribute("name");
                    failures.add(new UpstreamE2e.Failure(name, reasons.getOrDefault(name, firstLine(failure))));
                } else if (child(c, "skipped") != null) {
                    skipped++;
                } else {
                    ran++;
                    passed++;
                }
            }
        }
        return new UpstreamE2e(selection(dir.resolve("selection")), passed, ran, skipped, failures);
    }

    private static Document parse(Path file) throws ResultsFileException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler prints "[Fatal Error] ..." to stderr before throwing: the exception is enough
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new ResultsFileException(file + ": not a JUnit XML report (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static Element child(Element parent, String... names) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && List.of(names).contains(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static String firstLine(Element failure) {
        String message = failure.getAttribute("message");
        return firstLine(message.isBlank() ? failure.getTextContent() : message);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        return text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    private static Map<String, String> reasons(Path file) throws ResultsFileException {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return reasons;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    reasons.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new ResultsFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return reasons;
    }

    private static String selection(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
