package io.sidecarconformance.suite;

import io.sidecarconformance.settings.SettingsTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates the table of docs/settings.md from the declarations ({@link SuiteProperties#GROUPS}):
 * <pre>mvn -q compile exec:java -Dexec.mainClass=io.sidecarconformance.suite.SettingsDoc</pre>
 * SettingsDocTest fails while the file is stale.
 */
public final class SettingsDoc {

    public static final Path FILE = Path.of("docs", "settings.md");

    private SettingsDoc() {
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : FILE;
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, SettingsTable.replaceIn(text, SuiteProperties.GROUPS), StandardCharsets.UTF_8);
        System.out.println("settings table written into " + file);
    }
}
