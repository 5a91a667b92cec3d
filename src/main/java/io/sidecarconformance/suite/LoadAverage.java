package io.sidecarconformance.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The runner machine's 1-minute load average, read from a file in /proc/loadavg's format ("0.52 0.58 0.59 1/467
 * 12345"); null where the file is missing or unreadable (not Linux), so a record says "unknown" rather than 0.
 */
public final class LoadAverage implements Supplier<Double> {

    public static final Path PROC_LOADAVG = Path.of("/proc/loadavg");

    private final Path file;

    public LoadAverage(Path file) {
        this.file = file;
    }

    @Override
    public Double get() {
        try {
            return parse(Files.readString(file));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** The first field, or null when it is no non-negative number. */
    static Double parse(String loadavg) {
        String[] fields = loadavg.strip().split("\\s+");
        try {
            double v = Double.parseDouble(fields[0]);
            return Double.isFinite(v) && v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
