package io.sidecarconformance.workload;

/**
 * A workload file, a role name or a fault the suite refuses before any cluster work: one line that says what is wrong
 * and what to do. Text quoted from the file or from the YAML parser is folded onto that line.
 */
public final class WorkloadInputException extends IllegalArgumentException {

    public WorkloadInputException(String message) {
        super(oneLine(message));
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
