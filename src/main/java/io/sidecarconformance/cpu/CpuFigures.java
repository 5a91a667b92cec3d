package io.sidecarconformance.cpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's CPU as report measurements, none with a target (they describe the machine and the suite, not the cells):
 * CPU seconds per scenario run for each component and for the cluster's in all, the machine's busy share over the
 * sampling intervals (median, 90th percentile), and one line naming what could not be read.
 */
final class CpuFigures {

    static final String PER_RUN = "CPU seconds per run: ";
    static final String CLUSTER = "local cluster in all";
    static final String ELSE = "everything else on the machine";
    static final String NOT_MEASURED = "CPU by component, not measured";

    private CpuFigures() {
    }

    /** @param runs scenario runs in the span; nothing per run when none */
    static Map<String, String> of(ComponentTotals totals, List<MachineCpu.Sample> machine, int runs) {
        Map<String, String> m = new LinkedHashMap<>();
        if (runs > 0) {
            Map<String, Double> seconds = totals.seconds();
            seconds.forEach((component, s) -> m.put(PER_RUN + component, perRun(s, runs)));
            double cluster = seconds.entrySet().stream().filter(e -> !e.getKey().equals(ComponentReader.RUNNER))
                    .mapToDouble(Map.Entry::getValue).sum();
            if (seconds.size() > 1) {
                m.put(PER_RUN + CLUSTER, perRun(cluster, runs));
            }
            if (machine.size() >= 2 && !seconds.isEmpty()) {
                // The rest of the machine's busy time: other programs (builds, other clusters), and what ended unsampled.
                double busy = (machine.get(machine.size() - 1).busy() - machine.get(0).busy()) / (double) MachineCpu.TICKS_PER_SECOND;
                double ours = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
                m.put(PER_RUN + ELSE, perRun(busy - ours, runs));
            }
        }
        busyShare(machine).ifPresent(v -> m.put("machine busy share, samples every "
                + CpuMonitor.EVERY.toSeconds() + " s: median / 90th percentile", v));
        Map<String, String> never = totals.neverRead();
        if (!never.isEmpty()) {
            List<String> why = new ArrayList<>();
            never.forEach((component, reason) -> why.add(component + ": " + reason));
            m.put(NOT_MEASURED, String.join("; ", why));
        }
        return m;
    }

    private static String perRun(double seconds, int runs) {
        return String.format(Locale.ROOT, "%.2f s (%.1f s in %d runs)", seconds / runs, seconds, runs);
    }

    /** Busy cores in each interval between successive samples: median and 90th percentile (nearest rank). */
    static java.util.Optional<String> busyShare(List<MachineCpu.Sample> samples) {
        List<Double> busy = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            double b = samples.get(i).coresBusySince(samples.get(i - 1));
            if (!Double.isNaN(b)) {
                busy.add(b);
            }
        }
        if (busy.isEmpty()) {
            return java.util.Optional.empty();
        }
        busy.sort(Double::compare);
        double median = busy.get((busy.size() - 1) / 2);
        double p90 = busy.get((int) Math.ceil(0.9 * busy.size()) - 1);
        return java.util.Optional.of(String.format(Locale.ROOT, "%.2f / %.2f of %d cores (%d intervals)", median, p90,
                samples.get(0).cores(), busy.size()));
    }
}
