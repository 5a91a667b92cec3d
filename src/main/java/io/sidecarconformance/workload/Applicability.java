package io.sidecarconformance.workload;

/**
 * Whether one fault applies to one workload, and why in words: for a fault that does not, the reason a
 * NOT_APPLICABLE cell shows; for one that does, a note the cell may show (or "").
 */
public record Applicability(String faultId, boolean applies, String reason) {

    public static Applicability applies(String faultId, String note) {
        return new Applicability(faultId, true, note);
    }

    public static Applicability notApplicable(String faultId, String reason) {
        return new Applicability(faultId, false, reason);
    }

    /** "applies" or "NOT_APPLICABLE: <reason>", with the note when there is one. */
    public String inWords() {
        String head = applies ? "applies" : "NOT_APPLICABLE";
        return reason.isEmpty() ? head : head + ": " + reason;
    }
}
