package io.sidecarconformance.pattern;

/**
 * How the containers are started.
 *
 * @param shellForm    main's entrypoint in shell form ({@code sh -c "sh /sc/main.sh"}: a shell without traps is PID 1)
 *                     instead of exec form ({@code ["sh", "/sc/main.sh"]}: the trapping script is PID 1)
 * @param startupProbe the sidecar declares a startupProbe that checks its service (meaningful for native sidecars)
 */
public record Variant(boolean shellForm, boolean startupProbe) {

    public static final String KNOWN = "exec, shell, exec+probe, shell+probe";

    public String id() {
        return (shellForm ? "shell" : "exec") + (startupProbe ? "+probe" : "");
    }

    public static Variant parse(String id) {
        return switch (id) {
            case "exec" -> new Variant(false, false);
            case "shell" -> new Variant(true, false);
            case "exec+probe" -> new Variant(false, true);
            case "shell+probe" -> new Variant(true, true);
            default -> throw new IllegalArgumentException("unknown variant '" + id + "'; known: " + KNOWN);
        };
    }

    @Override
    public String toString() {
        return id();
    }
}
