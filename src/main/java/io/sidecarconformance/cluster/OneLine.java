package io.sidecarconformance.cluster;

import java.util.stream.Collectors;

/** Turns an exception chain into the single line a user reads. */
final class OneLine {

    private OneLine() {
    }

    /** The deepest cause's message (its first line), or its class name when it has none. */
    static String of(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = t.getMessage();
        }
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        return flatten(message);
    }

    /** Joins a multi-line text (a YAML error with its caret lines, say) into one line of at most 240 characters. */
    static String flatten(String text) {
        String line = text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.matches("\\^+"))
                .distinct()
                .collect(Collectors.joining(" "))
                .replaceAll("\\s+", " ");
        return line.length() <= 240 ? line : line.substring(0, 239) + "…";
    }
}
