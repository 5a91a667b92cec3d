package io.sidecarconformance.scenario;

import io.sidecarconformance.pattern.Role;

import java.util.function.Function;

/** The container of the pod that plays each role: our patterns name theirs after the role; a user's pod as it likes. */
final class Containers {

    private Containers() {
    }

    static Function<Role, String> of(ScenarioSpec spec) {
        return spec.own().<Function<Role, String>>map(own -> role -> own.roles().containerName(role)
                .orElseThrow(() -> new IllegalStateException("the pod has no " + role.containerName())))
                .orElse(Role::containerName);
    }
}
