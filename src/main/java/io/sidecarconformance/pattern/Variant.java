package io.sidecarconformance.pattern;

import java.util.regex.Matcher;

/**
 * How the containers are started and how main uses its sidecar. Id grammar: {@code exec|shell}, then optionally
 * {@code +probe}, then optionally {@code +ready}, then optionally {@code +tolerant}; without {@code +tolerant} main is a
 * strict client and without {@code +ready} no container has a readinessProbe, so ids from before either existed keep
 * their meaning.
 *
 * @param shellForm    main's entrypoint in shell form ({@code sh -c "sh /sc/main.sh"}: a shell without traps is PID 1)
 *                     instead of exec form ({@code ["sh", "/sc/main.sh"]}: the trapping script is PID 1)
 * @param startupProbe the sidecar declares a startupProbe that checks its service (meaningful for native sidecars)
 * @param readinessProbe main and the sidecar each declare an exec readinessProbe: the sidecar's checks that its service
 *                     answers, main's that its own marker file is there (made when it begins working, removed at its
 *                     SIGTERM)
 * @param tolerant     main retries a failed use of the sidecar for a bounded time (a tolerant client) instead of
 *                     failing at once like a CI step calling {@code docker} (a strict client)
 */
public record Variant(boolean shellForm, boolean startupProbe, boolean readinessProbe, boolean tolerant) {

    public static final String KNOWN = "exec, shell, exec+probe, shell+probe, exec+tolerant, shell+tolerant, "
            + "exec+probe+tolerant, shell+probe+tolerant, exec+ready, shell+ready, exec+probe+ready, shell+probe+ready, "
            + "exec+ready+tolerant, shell+ready+tolerant, exec+probe+ready+tolerant, shell+probe+ready+tolerant";

    /**
     * The parts a variant id is made of, in the order of the grammar, each with a few words for a reader: the suite
     * writes them into results.json's catalog, where the report's glossary reads them.
     */
    public static final java.util.Map<String, String> PARTS = partLabels();

    private static final java.util.regex.Pattern GRAMMAR = java.util.regex.Pattern.compile("(exec|shell)(\\+probe)?(\\+ready)?(\\+tolerant)?");

    /** Without readiness probes: the variant ids that existed before {@code +ready}. */
    public Variant(boolean shellForm, boolean startupProbe, boolean tolerant) {
        this(shellForm, startupProbe, false, tolerant);
    }

    public String id() {
        return (shellForm ? "shell" : "exec") + (startupProbe ? "+probe" : "") + (readinessProbe ? "+ready" : "")
                + (tolerant ? "+tolerant" : "");
    }

    /** The client mode main runs with: {@code strict} or {@code tolerant}. */
    public String client() {
        return tolerant ? "tolerant" : "strict";
    }

    public static Variant parse(String id) {
        Matcher m = GRAMMAR.matcher(id == null ? "" : id);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown variant '" + id + "'; known: " + KNOWN);
        }
        return new Variant(m.group(1).equals("shell"), m.group(2) != null, m.group(3) != null, m.group(4) != null);
    }

    private static java.util.Map<String, String> partLabels() {
        java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("exec", "main's entrypoint in exec form ([\"sh\", \"/sc/main.sh\"]): the script, which traps SIGTERM, is PID 1");
        parts.put("shell", "main's entrypoint in shell form (sh -c \"sh /sc/main.sh\"): a shell without traps is PID 1");
        parts.put("+probe", "the sidecar declares a startupProbe that checks its service (for a native sidecar, main starts"
                + " only once it passes)");
        parts.put("+ready", "main and the sidecar each declare an exec readinessProbe (every probe.readinessPeriodSeconds,"
                + " failureThreshold 1): the sidecar's checks that its service answers, main's that its own marker file is"
                + " there (made when it begins working, removed at its SIGTERM); main begins working once both have passed twice");
        parts.put("+tolerant", "main retries a failed use of the sidecar for a bounded time (a tolerant client) instead of"
                + " failing at once like a CI step calling docker (a strict client, without +tolerant)");
        return java.util.Collections.unmodifiableMap(parts);
    }

    @Override
    public String toString() {
        return id();
    }
}
