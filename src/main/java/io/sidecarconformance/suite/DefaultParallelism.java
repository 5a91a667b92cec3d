package io.sidecarconformance.suite;

import java.lang.management.ManagementFactory;

/**
 * How many scenarios run at once when -Dparallel is not given, from the machine: {@value #PER_CORE} per core, and no
 * more than one per {@value #GIB_PER_SCENARIO} GiB of memory left after {@value #RESERVED_GIB} GiB for the cluster
 * and the runner; from 1 to {@link SuiteProperties#MAX_PARALLEL}. A scenario mostly waits (its containers sleep through
 * their work, the runner watches), so several share a core; its CPU comes in bursts when containers start (a dind
 * sidecar's dockerd most). On a local cluster the control plane and kubelet share the same cores. Measured on 2 cores
 * (local 1.31, -Drepeat=3, 13 cells chosen for races, restarts and timing; README "Parallelism"): at 4 per core every
 * cell had the outcomes it had at -Dparallel=1, in every run, at loads of 8 to 14. (Before sidecar-oom's busy spell,
 * two dind cells there raced dockerd's restart and the machine's speed decided them.) The one place the default is
 * chosen: pom.xml passes none, and Cucumber's pool ({@code SafeParallelism}) asks here too.
 */
public final class DefaultParallelism {

    static final int PER_CORE = 4;
    static final int RESERVED_GIB = 4;
    static final int GIB_PER_SCENARIO = 1;
    private static final long GIB = 1024L * 1024 * 1024;

    private DefaultParallelism() {
    }

    /** The rule, as a pure function of the machine's cores and total memory in bytes. */
    public static int of(int cores, long memoryBytes) {
        long byCores = (long) Math.max(1, cores) * PER_CORE;
        long byMemory = Math.max(0, memoryBytes - RESERVED_GIB * GIB) / (GIB_PER_SCENARIO * GIB);
        return (int) Math.max(1, Math.min(SuiteProperties.MAX_PARALLEL, Math.min(byCores, byMemory)));
    }

    /**
     * The default for a cluster: one at a time on local-v2, whose node is a User-Mode Linux guest with one CPU (at the
     * machine's default, 8 at once, its cells ended by the guest's speed: main took 140 s to end, baselines that
     * succeed alone came out STUCK; one at a time they matched their cgroup v1 outcomes). The machine's rule otherwise.
     */
    public static int forCluster(String cluster) {
        return cluster.strip().startsWith("local-v2:") ? 1 : ofThisMachine();
    }

    /** The rule applied to this machine (the JVM's view: a container's CPU and memory limits count). */
    public static int ofThisMachine() {
        return of(Runtime.getRuntime().availableProcessors(), totalMemory());
    }

    /** Physical memory as the JVM sees it; unknown counts as the reserve plus one scenario. */
    static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return (RESERVED_GIB + GIB_PER_SCENARIO) * GIB;
    }
}
