package io.sidecarconformance.pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The workload a pattern describes, before it becomes a Job: main, the sidecar (and any further sidecars, started
 * after it in order), where the sidecars go, and the pod-level settings. Faults shape it through the narrow methods
 * below.
 */
public final class WorkloadSpec {

    private final Map<Role, ContainerBuilder> containers = new EnumMap<>(Role.class);
    private final List<ContainerBuilder> moreSidecars = new ArrayList<>();
    private final Placement placement;
    private boolean shareProcessNamespace;
    private Long terminationGracePeriodSeconds;
    private String osName;
    private String restartPolicy = "Never";
    private int backoffLimit;

    public WorkloadSpec(Container main, Container sidecar, Placement placement) {
        containers.put(Role.MAIN, new ContainerBuilder(Objects.requireNonNull(main, "main")));
        containers.put(Role.SIDECAR, new ContainerBuilder(Objects.requireNonNull(sidecar, "sidecar")));
        this.placement = Objects.requireNonNull(placement, "placement");
    }

    public Placement placement() {
        return placement;
    }

    public Container container(Role role) {
        return containers.get(role).build();
    }

    /** Adds a sidecar that starts after the sidecars already there (placed like them). */
    public WorkloadSpec addSidecar(Container sidecar) {
        String name = Objects.requireNonNull(sidecar, "sidecar").getName();
        if (sidecarNames().contains(name) || name.equals(Role.MAIN.containerName())) {
            throw new IllegalArgumentException("a container named " + name + " is already in the workload");
        }
        moreSidecars.add(new ContainerBuilder(sidecar));
        return this;
    }

    /** The sidecars after the first, in the order they start. */
    public List<Container> moreSidecars() {
        return moreSidecars.stream().map(ContainerBuilder::build).toList();
    }

    /** Every sidecar's name, in the order they start: the first is {@link Role#SIDECAR}'s. */
    public List<String> sidecarNames() {
        List<String> names = new ArrayList<>();
        names.add(Role.SIDECAR.containerName());
        moreSidecars.forEach(b -> names.add(b.getName()));
        return names;
    }

    /** Sets (or replaces) an environment variable of one container. */
    public WorkloadSpec env(Role role, String name, String value) {
        return env(role.containerName(), name, value);
    }

    /** Sets (or replaces) an environment variable of the container named {@code container}. */
    public WorkloadSpec env(String container, String name, String value) {
        ContainerBuilder b = builder(container);
        b.removeMatchingFromEnv(e -> e.getName().equals(name));
        b.addToEnv(new EnvVar(name, value, null));
        return this;
    }

    /** Delays the first check of one container's startupProbe, if it has one; returns whether it had one. */
    public boolean startupProbeInitialDelay(Role role, int seconds) {
        ContainerBuilder b = containers.get(role);
        if (!b.hasStartupProbe()) {
            return false;
        }
        b.editStartupProbe().withInitialDelaySeconds(seconds).endStartupProbe();
        return true;
    }

    /** Gives one container a readinessProbe (replacing any it had). */
    public WorkloadSpec readinessProbe(Role role, io.fabric8.kubernetes.api.model.Probe probe) {
        containers.get(role).withReadinessProbe(probe);
        return this;
    }

    private ContainerBuilder builder(String container) {
        for (Role r : Role.values()) {
            if (r.containerName().equals(container)) {
                return containers.get(r);
            }
        }
        return moreSidecars.stream().filter(b -> container.equals(b.getName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no container named " + container + " in the workload"));
    }

    /**
     * Gives one container its own restart rule (KEP-5307, and KEP-5532 for {@code RestartAllContainers}): when its
     * exit code is one of {@code exitCodes}, the kubelet takes {@code action}. The rules need the container's own
     * restartPolicy set ({@code containerPolicy}); null leaves it as the placement sets it (a native sidecar's
     * Always). The API decides whether it keeps, drops or refuses the fields.
     */
    public WorkloadSpec restartRule(Role role, String containerPolicy, String action, int... exitCodes) {
        ContainerBuilder b = containers.get(role);
        if (containerPolicy != null) {
            b.withRestartPolicy(containerPolicy);
        }
        b.addNewRestartPolicyRule().withAction(action)
                .withNewExitCodes().withOperator("In").withValues(java.util.Arrays.stream(exitCodes).boxed().toList()).endExitCodes()
                .endRestartPolicyRule();
        return this;
    }

    /**
     * Gives one container a stop signal ({@code lifecycle.stopSignal}, KEP-4960), e.g. SIGUSR1: the signal the runtime
     * sends it instead of SIGTERM when it is stopped. The API decides whether it keeps, drops or refuses the field.
     */
    public WorkloadSpec stopSignal(Role role, String signal) {
        containers.get(role).editOrNewLifecycle().withStopSignal(signal).endLifecycle();
        return this;
    }

    /** The pod's {@code spec.os.name} (e.g. linux): upstream validation allows a stop signal only where it is set. */
    public WorkloadSpec osName(String name) {
        this.osName = name;
        return this;
    }

    /** The pod's {@code spec.os.name}, or null to leave it unset. */
    public String osName() {
        return osName;
    }

    /** Gives one container a memory limit (the request follows it). */
    public WorkloadSpec memoryLimit(Role role, String quantity) {
        containers.get(role).editOrNewResources()
                .addToLimits("memory", new Quantity(quantity))
                .endResources();
        return this;
    }

    /** Gives one container a memory request and a higher limit: a Burstable pod. */
    public WorkloadSpec memoryRequestAndLimit(Role role, String request, String limit) {
        containers.get(role).editOrNewResources()
                .addToRequests("memory", new Quantity(request))
                .addToLimits("memory", new Quantity(limit))
                .endResources();
        return this;
    }

    public WorkloadSpec shareProcessNamespace(boolean share) {
        this.shareProcessNamespace = share;
        return this;
    }

    public boolean shareProcessNamespace() {
        return shareProcessNamespace;
    }

    /**
     * The pod's restartPolicy and the Job's backoffLimit: Never and 0 (one pod, no retries) unless a fault asks for
     * the kubelet to restart failed containers in place and the Job to tolerate failures.
     */
    public WorkloadSpec retries(String podRestartPolicy, int jobBackoffLimit) {
        if (!List.of("Never", "OnFailure").contains(podRestartPolicy) || jobBackoffLimit < 0) {
            throw new IllegalArgumentException("a Job's pods restart Never or OnFailure, with a backoffLimit from 0; not "
                    + podRestartPolicy + " and " + jobBackoffLimit);
        }
        this.restartPolicy = podRestartPolicy;
        this.backoffLimit = jobBackoffLimit;
        return this;
    }

    public String restartPolicy() {
        return restartPolicy;
    }

    public int backoffLimit() {
        return backoffLimit;
    }

    public WorkloadSpec terminationGracePeriodSeconds(long seconds) {
        this.terminationGracePeriodSeconds = seconds;
        return this;
    }

    public Long terminationGracePeriodSeconds() {
        return terminationGracePeriodSeconds;
    }
}
