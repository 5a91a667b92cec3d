package io.sidecarconformance.fault;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue of faults, by id, in reading order. */
public final class Faults {

    /** In the order a reader compares them: the report's columns follow it (through results.json's catalog). */
    private static final List<Fault> ALL = List.of(
            new NoFault(), new SidecarOomFault(), new SidecarChildOomFault(), new SidecarEarlyCrashFault(),
            new SidecarCrashLoopFault(), new MainOomFault(), new DelayedSidecarFault(), new SigtermFault(), new SigtermSlowMainFault(),
            new EvictionFault(), new EvictionPdbFault(), new StopSignalFault(), new SigkillMainFault(), new DeleteDuringInitFault(), new KubeletRestartFault(),
            new KubeletRestartMainKillFault(), new BurstableOomScoresFault());

    private Faults() {
    }

    public static List<Fault> all() {
        return ALL;
    }

    public static Fault byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + id + "'; known: " + ids()));
    }

    public static String ids() {
        return ALL.stream().map(Fault::id).collect(Collectors.joining(", "));
    }
}
