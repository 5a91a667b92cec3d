package io.sidecarconformance.verdict;

import io.sidecarconformance.report.Figures;

/** A verdict with its reason and figures. */
public record Decision(Verdict verdict, Verdict jobVerdict, String reason, Figures figures) {
}
