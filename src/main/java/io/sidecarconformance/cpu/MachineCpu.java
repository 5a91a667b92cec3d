package io.sidecarconformance.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole machine's CPU time, from the kernel's own accounting (the first "cpu" line of /proc/stat: ticks of
 * user, nice, system, idle, iowait, irq, softirq, steal). Between two samples: the CPU seconds spent (everything busy,
 * the cluster's processes and the pods' containers included) and the machine's busy share (how many cores were busy
 * on average). Unknown where the file cannot be read (not Linux): then nothing is measured.
 */
public final class MachineCpu {

    static final Path PROC_STAT = Path.of("/proc/stat");
    /** The kernel's USER_HZ, in which /proc/stat counts: 100 on every Linux architecture the suite runs on. */
    static final int TICKS_PER_SECOND = 100;

    /** One reading: busy ticks (all but idle and iowait) and all ticks, summed over the cores. */
    public record Sample(long busy, long total, int cores) {

        /** How many cores were busy on average between {@code from} and this sample; NaN when no time passed. */
        double coresBusySince(Sample from) {
            long t = total - from.total;
            return t <= 0 ? Double.NaN : (busy - from.busy) / (double) t * cores;
        }
    }

    private final Path file;

    MachineCpu(Path file) {
        this.file = file;
    }

    Optional<Sample> sample() {
        try {
            return parse(Files.readString(file));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    static Optional<Sample> parse(String stat) {
        long[] t = null;
        int cores = 0;
        for (String line : stat.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f[0].equals("cpu") && f.length >= 5) {
                t = new long[f.length - 1];
                try {
                    for (int i = 1; i < f.length; i++) {
                        t[i - 1] = Long.parseLong(f[i]);
                    }
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            } else if (f[0].matches("cpu\\d+")) {
                cores++;
            }
        }
        if (t == null || cores == 0) {
            return Optional.empty();
        }
        // user nice system idle iowait irq softirq steal [guest guest_nice: already counted in user and nice]
        long idle = t[3] + (t.length > 4 ? t[4] : 0);
        long total = 0;
        for (int i = 0; i < Math.min(t.length, 8); i++) {
            total += t[i];
        }
        return Optional.of(new Sample(total - idle, total, cores));
    }

    /**
     * The figures between two samples, for a report's measurements: CPU seconds in all, per run, and the busy share.
     *
     * @param runs how many scenario runs the span held
     */
    static Map<String, String> between(Sample from, Sample to, int runs) {
        long busy = to.busy() - from.busy();
        long total = to.total() - from.total();
        if (busy < 0 || total <= 0 || runs <= 0) {
            return Map.of();
        }
        double seconds = busy / (double) TICKS_PER_SECOND;
        double coresBusy = to.coresBusySince(from);
        return Map.of(
                "machine CPU seconds, scenario phase (all processes)", String.format(Locale.ROOT, "%.0f s", seconds),
                "machine CPU seconds per run", String.format(Locale.ROOT, "%.1f s", seconds / runs),
                "machine busy share, scenario phase", String.format(Locale.ROOT, "%.2f of %d cores", coresBusy, to.cores()));
    }
}
