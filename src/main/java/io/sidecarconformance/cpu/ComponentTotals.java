package io.sidecarconformance.cpu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Successive {@link ComponentSample}s folded into the CPU seconds each component spent since the first one. A process
 * of the first sample counts from its reading there; one first seen later started since (a restarted kubelet, a new
 * pod's shim) and counts from zero; one that ended keeps its last reading (what it spent after that is lost: samples
 * every few seconds keep that small). The pods' cgroup counts from its first reading to its last.
 */
final class ComponentTotals {

    /** component -> process -> {ticks at its first reading, or 0; ticks at its last} */
    private final Map<String, Map<String, long[]>> processes = new LinkedHashMap<>();
    private final Map<String, String> unread = new LinkedHashMap<>();
    private long podFirst = -1;
    private long podLast = -1;
    private boolean first = true;

    void add(ComponentSample sample) {
        sample.processes().forEach((component, now) -> {
            Map<String, long[]> known = processes.computeIfAbsent(component, c -> new LinkedHashMap<>());
            now.forEach((process, ticks) -> known.computeIfAbsent(process, p -> new long[]{first ? ticks : 0, ticks})[1] = ticks);
        });
        sample.podNanos().ifPresent(n -> {
            podFirst = podFirst < 0 ? n : podFirst;
            podLast = n;
        });
        sample.unread().forEach(unread::putIfAbsent);
        first = false;
    }

    /** CPU seconds per component that was read at least once, in the order first read; the pods' last. */
    Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((component, known) -> seconds.put(component,
                known.values().stream().mapToLong(t -> t[1] - t[0]).sum() / (double) MachineCpu.TICKS_PER_SECOND));
        if (podFirst >= 0) {
            seconds.put(ComponentReader.PODS, (podLast - podFirst) / 1e9);
        }
        return seconds;
    }

    /** Why each component that was never read was not (its first reason). */
    Map<String, String> neverRead() {
        Map<String, String> never = new LinkedHashMap<>(unread);
        never.keySet().removeAll(seconds().keySet());
        return never;
    }
}
