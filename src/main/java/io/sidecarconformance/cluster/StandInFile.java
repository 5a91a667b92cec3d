package io.sidecarconformance.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The {@code standin.<repository>=busybox|dind|<image>} lines of a properties file (clusters/local/images.properties, or
 * the file -Dimages.standIns names): which local image a public repository of a user's own pod runs on.
 */
final class StandInFile {

    static final String PREFIX = "standin.";

    private StandInFile() {
    }

    /** @throws IllegalArgumentException one line: the file cannot be read */
    static Map<String, String> read(Path file, String busybox, String dind) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("-Dimages.standIns=" + file + " cannot be read (" + e.getMessage()
                    + "); name a properties file with standin.<repository>=<image> lines, e.g. clusters/local/images.properties");
        }
        return of(p, busybox, dind);
    }

    /** The stand-ins of these properties; "busybox" and "dind" name the set's own images. */
    static Map<String, String> of(Properties properties, String busybox, String dind) {
        Map<String, String> standIns = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                String local = properties.getProperty(key).strip();
                standIns.put(key.substring(PREFIX.length()), switch (local) {
                    case "busybox" -> busybox;
                    case "dind" -> dind;
                    default -> local;
                });
            }
        }
        return standIns;
    }
}
