package io.sidecarconformance.fault;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue of faults, by id. */
public final class Faults {

    private static final List<Fault> ALL = List.of(
            new NoFault(), new SidecarOomFault(), new MainOomFault(), new DelayedSidecarFault(),
            new SigtermFault(), new SigkillMainFault(),
            new SidecarEarlyCrashFault(), new SigtermSlowMainFault(), new DeleteDuringInitFault(), new SidecarCrashLoopFault(),
            new BurstableOomScoresFault(), new KubeletRestartFault());

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
