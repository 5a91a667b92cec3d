package io.sidecarconformance.fault;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.pattern.JobFactory;
import io.sidecarconformance.timeline.PodStatusTracker;
import io.sidecarconformance.timeline.SuiteActions;

import io.fabric8.kubernetes.api.model.EnvVar;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

/**
 * Signals a container's main process the way chaos tools do: a privileged hostPID pod on the target's node
 * finds the process by the container ID in its cgroup and signals it. `kubectl exec ... kill -KILL 1` cannot:
 * PID 1 of a namespace ignores signals it has no handler for.
 */
public final class ChaosAgent {

    private static final long AGENT_TIMEOUT_SECONDS = 120;

    private final KubernetesClient client;
    private final String namespace;
    private final ImageSet images;
    private final Applied applied;

    public ChaosAgent(KubernetesClient client, String namespace, ImageSet images, Applied applied) {
        this.client = client;
        this.namespace = namespace;
        this.images = images;
        this.applied = applied;
    }

    /** Sends {@code signal} (e.g. KILL) to the init process of {@code container} in {@code target}; returns the agent's report line. */
    public String signal(Pod target, String container, String signal) {
        return run(target, container, "sc-agent-" + signal.toLowerCase(), Map.of("SC_SIGNAL", signal));
    }

    /**
     * Runs the agent's {@code SC_ACTION} (signal, oom, freeze; see agent.sh) on {@code container} in {@code target}, in a
     * pod named {@code name}; returns the agent's report lines.
     *
     * @throws FaultFailedException the agent did not finish its action, with its report
     */
    public String run(Pod target, String container, String name, Map<String, String> env) {
        String containerId = containerId(target, container);
        Pod agent = agentPod(name, target.getSpec().getNodeName(), containerId, env);
        applied.object(agent);
        create(agent);
        Pod done = client.pods().inNamespace(namespace).withName(name).waitUntilCondition(
                p -> p != null && p.getStatus() != null
                        && ("Succeeded".equals(p.getStatus().getPhase()) || "Failed".equals(p.getStatus().getPhase())),
                AGENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String log = client.pods().inNamespace(namespace).withName(name).getLog();
        String report = Arrays.stream(log.split("\n")).filter(l -> l.startsWith("SC-AGENT"))
                .collect(Collectors.joining("; "));
        if (report.isEmpty()) {
            report = log.strip();
        }
        if (report.isEmpty()) {
            report = "no output; " + statusInWords(done);
        }
        if (!"Succeeded".equals(done.getStatus().getPhase())) {
            throw new FaultFailedException("chaos agent could not act on " + container + ": " + report);
        }
        return report;
    }

    /**
     * A fault's action through the agent on the container that plays {@code role}: said on the timeline before ("what
     * (container): starting the chaos agent") and after, with the agent's report.
     */
    static void act(FaultContext context, io.sidecarconformance.pattern.Role role, String what, String podName,
                    Map<String, String> env) {
        String said = what + " (" + context.containers().apply(role) + ")";
        context.action().accept(said + ": " + SuiteActions.AGENT_STARTING);
        String report = new ChaosAgent(context.client(), context.namespace(), context.images(), context.applied())
                .run(context.pod().get(), context.containers().apply(role), podName, env);
        context.action().accept(said + ": agent done: " + report);
    }

    /**
     * Creates the agent pod. The client retries a request that timed out, and on a loaded API server the first attempt
     * may have created the pod before its answer was lost: the retry then meets 409 AlreadyExists. The namespace is the
     * run's own, so an agent there with this name and this target is the one just asked for: the run goes on with it.
     * Any other conflict is an error.
     */
    private void create(Pod agent) {
        try {
            client.pods().inNamespace(namespace).resource(agent).create();
        } catch (KubernetesClientException e) {
            Pod existing = e.getCode() == 409
                    ? client.pods().inNamespace(namespace).withName(agent.getMetadata().getName()).get() : null;
            if (existing == null || !sameAgent(existing, agent)) {
                throw e;
            }
        }
    }

    /** The same agent: the same node, and the same environment (the target's container ID and the action). */
    static boolean sameAgent(Pod existing, Pod wanted) {
        return existing.getSpec() != null && wanted.getSpec().getNodeName().equals(existing.getSpec().getNodeName())
                && existing.getSpec().getContainers().size() == 1
                && wanted.getSpec().getContainers().get(0).getEnv().equals(existing.getSpec().getContainers().get(0).getEnv());
    }

    /**
     * What an agent pod's status says when its container wrote nothing: the pod's phase, reason and message (a kubelet
     * that refuses the pod at admission sets these and starts no container), and each container's state.
     */
    static String statusInWords(Pod pod) {
        var status = pod.getStatus();
        StringBuilder words = new StringBuilder("pod " + status.getPhase());
        if (status.getReason() != null) {
            words.append(" (").append(status.getReason()).append(")");
        }
        if (status.getMessage() != null) {
            words.append(": ").append(status.getMessage());
        }
        PodStatusTracker.statuses(pod).forEach(c -> {
            words.append("; container ").append(c.getName());
            var state = c.getState();
            if (state == null) {
                words.append(" has no state");
            } else if (state.getTerminated() != null) {
                var t = state.getTerminated();
                words.append(" exit ").append(t.getExitCode()).append(" ").append(t.getReason()).append(quoted(t.getMessage()));
            } else if (state.getWaiting() != null) {
                words.append(" waiting ").append(state.getWaiting().getReason()).append(quoted(state.getWaiting().getMessage()));
            } else {
                words.append(" running");
            }
        });
        return words.toString();
    }

    /** A status message as " \"message\"", or nothing when there is none. */
    private static String quoted(String message) {
        return message == null ? "" : " \"" + message.strip() + "\"";
    }

    static String containerId(Pod pod, String container) {
        return PodStatusTracker.statuses(pod)
                .filter(s -> container.equals(s.getName()))
                .map(ContainerStatus::getContainerID)
                .filter(id -> id != null && !id.isEmpty())
                .map(id -> id.substring(id.indexOf("://") + 3))
                .findFirst()
                .orElseThrow(() -> new FaultFailedException("container " + container + " has no container ID yet"));
    }

    private Pod agentPod(String name, String node, String containerId, Map<String, String> env) {
        return new PodBuilder()
                .withNewMetadata().withName(name).addToLabels("sidecar-conformance/role", "chaos-agent").endMetadata()
                .withNewSpec()
                .withNodeName(node)
                .withHostPID(true)
                .withRestartPolicy("Never")
                .withTerminationGracePeriodSeconds(0L)
                .addNewContainer()
                .withName("agent")
                .withImage(images.busybox())
                .withImagePullPolicy(images.pullPolicy())
                .withCommand("/bin/sh", "/sc/agent.sh")
                .addNewEnv().withName("SC_TARGET_ID").withValue(containerId).endEnv()
                .addAllToEnv(env.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new EnvVar(e.getKey(), e.getValue(), null)).toList())
                .withNewSecurityContext().withPrivileged(true).endSecurityContext()
                .addNewVolumeMount().withName("sc-scripts").withMountPath("/sc").withReadOnly(true).endVolumeMount()
                .endContainer()
                .addNewVolume().withName("sc-scripts")
                .withNewConfigMap().withName(JobFactory.SCRIPTS_CONFIG_MAP).withDefaultMode(0555).endConfigMap()
                .endVolume()
                .endSpec()
                .build();
    }
}
