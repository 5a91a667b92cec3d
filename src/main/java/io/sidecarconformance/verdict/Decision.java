package io.sidecarconformance.verdict;

import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.Outcome;

import java.util.List;

/** An outcome with its reason in words, the findings on the way, and the figures. */
public record Decision(Outcome outcome, String reason, List<Finding> findings, Figures figures) {

    public Decision {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
