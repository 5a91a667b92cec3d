package io.sidecarconformance.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page's stylesheet and scripts, kept as files under src/main/resources/report/ (linted there) and inlined into
 * the page so that it works offline (with the drill-down's data files beside it, {@link DrillDownData#files}). All text from results reaches the DOM through textContent or
 * setAttribute, never through innerHTML.
 */
final class PageAssets {

    /** Runs before anything else, so any later error, even a syntax error, is shown and marks the page broken. */
    static final String ERROR_HOOK = read("error-hook.js");
    static final String SCRIPT = read("page.js");
    /** Outcome colours are appended from {@link OutcomeLook}. */
    static final String CSS = read("page.css");

    private PageAssets() {
    }

    private static String read(String name) {
        try (InputStream in = PageAssets.class.getResourceAsStream("/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("page asset /report/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page asset /report/" + name, e);
        }
    }
}
