package io.sidecarconformance.scenario;

import io.sidecarconformance.result.ScenarioKey;

import io.sidecarconformance.fault.Fault;
import io.sidecarconformance.pattern.Pattern;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;

import java.util.Objects;
import java.util.Optional;

/**
 * What to run: a grid cell resolved to its fault and either one of our patterns (pattern, sidecar kind, variant) or a
 * user's own pod ({@code own}; pattern, sidecar and variant are then null).
 */
public record ScenarioSpec(ScenarioKey key, Pattern pattern, SidecarKind sidecar, Variant variant, Fault fault,
                           Optional<OwnPod> own) {

    public ScenarioSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(own, "own");
        if (own.isEmpty()) {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(sidecar, "sidecar");
            Objects.requireNonNull(variant, "variant");
        }
    }

    /** A cell of one of our patterns. */
    public ScenarioSpec(ScenarioKey key, Pattern pattern, SidecarKind sidecar, Variant variant, Fault fault) {
        this(key, pattern, sidecar, variant, fault, Optional.empty());
    }

    /** A cell of a user's own pod. */
    public static ScenarioSpec ownPod(ScenarioKey key, OwnPod own, Fault fault) {
        return new ScenarioSpec(key, null, null, null, fault, Optional.of(own));
    }
}
