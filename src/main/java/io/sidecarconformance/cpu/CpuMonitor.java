package io.sidecarconformance.cpu;

import io.sidecarconformance.cluster.NodeProcesses;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A run's CPU, from the kernel's own accounting: the machine's ({@code /proc/stat}) and, for a cluster whose processes
 * run on this machine, each component's ({@link ComponentReader}), sampled at the start, every {@link #EVERY} on a
 * daemon thread (so processes that come and go between start and end are counted, and the busy share has a spread),
 * and at the end. What cannot be read is left out of the figures with its reason; it never fails a run.
 */
public final class CpuMonitor implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(5);

    private final MachineCpu machine;
    private final ComponentReader components;
    private final String notMeasured;
    private final List<MachineCpu.Sample> machineSamples = new ArrayList<>();
    private final ComponentTotals totals = new ComponentTotals();
    private ScheduledExecutorService timer;

    /** @param notMeasured why the cluster's components cannot be measured, or null */
    CpuMonitor(MachineCpu machine, ComponentReader components, String notMeasured) {
        this.machine = machine;
        this.components = components;
        this.notMeasured = notMeasured;
    }

    /**
     * Samples this machine now and from now on.
     *
     * @param node        where the cluster's processes are; empty where they do not run on this machine
     * @param notMeasured why they are unknown where they should be known, or null
     */
    public static CpuMonitor start(Optional<NodeProcesses> node, String notMeasured) {
        CpuMonitor monitor = new CpuMonitor(new MachineCpu(MachineCpu.PROC_STAT),
                new ComponentReader(new ProcFiles(ProcFiles.PROC), node), notMeasured);
        monitor.sample();
        monitor.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cpu-monitor");
            t.setDaemon(true);
            return t;
        });
        monitor.timer.scheduleAtFixedRate(monitor::sample, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return monitor;
    }

    /** One sample of the machine and the components; a failure to read is a gap, never an exception. */
    synchronized void sample() {
        try {
            machine.sample().ifPresent(machineSamples::add);
            totals.add(components.read());
        } catch (RuntimeException e) {
            // A gap in the samples; the next one goes on (an exception would cancel the timer).
        }
    }

    /**
     * Stops sampling, takes the last sample, and returns the measurements between the first and the last.
     *
     * @param runs the scenario runs in between
     */
    public Map<String, String> finish(int runs) {
        close();
        sample();
        synchronized (this) {
            Map<String, String> m = new LinkedHashMap<>();
            if (machineSamples.size() >= 2) {
                m.putAll(MachineCpu.between(machineSamples.get(0), machineSamples.get(machineSamples.size() - 1), runs));
            }
            m.putAll(CpuFigures.of(totals, machineSamples, runs));
            if (notMeasured != null) {
                m.merge(CpuFigures.NOT_MEASURED, notMeasured, (a, b) -> b + "; " + a);
            }
            return m;
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
