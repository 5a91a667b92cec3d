package io.sidecarconformance.pattern;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue of patterns, by id. */
public final class Patterns {

    private static final List<Pattern> ALL = List.of(
            new ClassicSidecar(), new DoneFileShutdown(), new PidfileShutdown(), new NativeSidecar(), new EphemeralSidecar(),
            new NativeSidecarChain(), new NativeSidecarChainWithPreStop(), new DoneFileRestartRules(), new NativeRestartRules(),
            new NativeRestartAllContainers());

    private Patterns() {
    }

    public static List<Pattern> all() {
        return ALL;
    }

    public static Pattern byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pattern '" + id + "'; known: " + ids()));
    }

    public static String ids() {
        return ALL.stream().map(Pattern::id).collect(Collectors.joining(", "));
    }
}
