package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the cluster's node says it runs, read from the cluster (never from our configuration): the node status
 * (kubelet, container runtime, kernel) and a short privileged hostPID probe pod for what the status lacks: the
 * cgroup version of the host, and the runc the runtime really calls (the binary named in the pod's shim bundle,
 * {@code options.json}, else the shim's PATH), asked for its own {@code --version} inside the shim's root
 * (the host's; {@code /proc/1/root} may be closed to a container even when privileged). Any value that cannot be read
 * is null, with the reason in {@code problem}; reading facts never fails a run. The CNI is the plugin chain of the
 * first configuration in the runtime's CNI directory: containerd's {@code conf_dir} from the config file on its
 * command line (default /etc/containerd/config.toml), else /etc/cni/net.d, read in containerd's root. On cgroup v2,
 * {@code memoryOomGroup} is the probe container's own memory.oom.group ("1": the kubelet asked for the whole container
 * to be OOM-killed, its default from 1.28; "0": one process, singleProcessOOMKill), read in its own cgroup; null
 * elsewhere.
 */
public record NodeFacts(String node, String kubeletVersion, String containerRuntime, String runcVersion,
                        String cgroupVersion, String kernelVersion, String osImage, String cni,
                        String memoryOomGroup, String problem) {

    /**
     * cgroup v2: the probe container's own memory.oom.group (the kubelet sets 1 unless singleProcessOOMKill). Its cgroup
     * is /proc/self/cgroup's {@code 0::<path>} under /sys/fs/cgroup: "/" with a private cgroup namespace (the mount is
     * then the container's own cgroup), the full path with the host's. No file (cgroup v1, the root cgroup): no line.
     */
    static final String OOM_GROUP_PROBE = String.join("\n",
            "if [ -f /sys/fs/cgroup/cgroup.controllers ]; then cg=$(sed -n 's/^0:://p' /proc/self/cgroup)",
            " f=/sys/fs/cgroup${cg%/}/memory.oom.group; if [ -f \"$f\" ]; then echo oom_group=$(cat \"$f\"); fi",
            "fi");

    /**
     * The CNI: the plugin chain of the first configuration in containerd's conf_dir, read in containerd's root (the
     * node's: the host's, or a kind node container's). The containerd is the one this pod's shim ({@code $shim}) serves:
     * its gRPC address (command line {@code --address}/{@code -a}, else {@code [grpc] address} of its config file, else
     * the default socket) is the shim's {@code -address}. A node runs other containerds too (a docker:dind pod's,
     * another cluster's on the same machine); the first one found is used only when none matches.
     */
    static final String CNI_PROBE = String.join("\n",
            // arg PROC LONG SHORT: the value of an option on a process's command line (LONG VALUE, LONG=VALUE, SHORT VALUE)
            "arg() { tr '\\0' '\\n' < $1/cmdline 2>/dev/null | sed -n \"/^$2\\$/{n;p};/^$3\\$/{n;p};s/^$2=//p\" | sed -n 1p; }",
            // config PROC: containerd's config file
            "config() { c=$(arg $1 --config -c); echo ${c:-/etc/containerd/config.toml}; }",
            "addr=$(arg /proc/$shim -address -address)",
            "ctrd= first=",
            "for p in /proc/[0-9]*; do [ \"$(cat $p/comm 2>/dev/null)\" = containerd ] || continue",
            " [ -n \"$first\" ] || first=${p#/proc/}",
            " a=$(arg $p --address -a)",
            " [ -n \"$a\" ] || a=$(sed -n '/^\\[grpc\\]/,/^\\[/s/^[[:space:]]*address *= *\"\\(.*\\)\"/\\1/p'"
                    + " $p/root$(config $p) 2>/dev/null | sed -n 1p)",
            " if [ \"${a:-/run/containerd/containerd.sock}\" = \"$addr\" ]; then ctrd=${p#/proc/}; break; fi",
            "done",
            "ctrd=${ctrd:-$first}",
            "if [ -n \"$ctrd\" ]; then r=/proc/$ctrd/root",
            " dir=$(sed -n 's/^[[:space:]]*conf_dir *= *\"\\(.*\\)\"/\\1/p' $r$(config /proc/$ctrd) 2>/dev/null | sed -n 1p)",
            " f=$(ls $r${dir:-/etc/cni/net.d} 2>/dev/null | grep -E '[.]conf(list)?$' | sort | sed -n 1p)",
            " [ -z \"$f\" ] || echo \"cni=$(grep -o '\"type\": *\"[^\"]*\"' $r${dir:-/etc/cni/net.d}/$f"
                    + " | sed 's/.*\"\\([^\"]*\\)\"$/\\1/' | tr '\\n' '+' | sed 's/+$//') ($f)\"",
            "fi");

    /** The probe: one line per fact, key=value. busybox sh; the runc part runs in the host's root (chroot). */
    static final String PROBE = String.join("\n",
            // the container sees the host's hierarchy type: cgroup2 has cgroup.controllers at its root
            "if [ -f /sys/fs/cgroup/cgroup.controllers ]; then echo cgroup=v2;"
                    + " elif [ -d /sys/fs/cgroup/memory ] || [ -d /sys/fs/cgroup/cpu ]; then echo cgroup=v1; fi",
            OOM_GROUP_PROBE,
            // our parent is the pod's shim; its working directory is the bundle (options.json names runc),
            // its root the host's (where that runc and its libraries live)
            "shim=$(awk '/^PPid:/ {print $2}' /proc/$$/status)",
            "bin=$(sed -n 's/.*\"binary_name\": *\"\\([^\"]*\\)\".*/\\1/p' /proc/$shim/cwd/options.json 2>/dev/null)",
            "path=$(tr '\\0' '\\n' < /proc/$shim/environ 2>/dev/null | sed -n 's/^PATH=//p')",
            "echo runc_binary=${bin:-runc}",
            "echo runc=$(chroot /proc/$shim/root /usr/bin/env PATH=\"${path:-/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin}\""
                    + " ${bin:-runc} --version 2>&1 | sed -n 1p)",
            CNI_PROBE);

    public static NodeFacts unknown(String problem) {
        return new NodeFacts(null, null, null, null, null, null, null, null, null, problem);
    }

    /** Reads the facts of the first node; the probe runs in {@code namespace} and is deleted afterwards. */
    public static NodeFacts read(KubernetesClient client, ImageSet images, String namespace, Duration bound) {
        List<Node> nodes;
        try {
            nodes = client.nodes().list().getItems();
        } catch (KubernetesClientException e) {
            return unknown("could not list nodes: " + OneLine.of(e));
        }
        if (nodes.isEmpty()) {
            return unknown("the cluster has no node");
        }
        Node node = nodes.get(0);
        NodeSystemInfo info = node.getStatus() == null ? null : node.getStatus().getNodeInfo();
        String name = node.getMetadata().getName();
        NodeFacts status = new NodeFacts(name,
                info == null ? null : info.getKubeletVersion(),
                info == null ? null : info.getContainerRuntimeVersion(), null, null,
                info == null ? null : info.getKernelVersion(),
                info == null ? null : info.getOsImage(), null, null, null);
        return status.withProbe(probe(client, images, namespace, name, bound));
    }

    /**
     * Probe output lines (key=value) into the runc, cgroup and memory.oom.group facts; a problem line if the probe gave
     * none. An oom_group other than 0 or 1 is not a fact (null).
     */
    NodeFacts withProbe(Map<String, String> probe) {
        String runc = probe.get("runc");
        String runcVersion = runc == null || !runc.startsWith("runc version ") ? null
                : runc.substring("runc version ".length()).strip();
        String problemText = probe.containsKey("problem") ? probe.get("problem")
                : runcVersion == null ? "runc did not report its version (" + probe.getOrDefault("runc_binary", "?")
                        + ": " + probe.getOrDefault("runc", "no output") + ")" : null;
        String oomGroup = probe.get("oom_group");
        return new NodeFacts(node, kubeletVersion, containerRuntime, runcVersion, probe.get("cgroup"), kernelVersion,
                osImage, probe.get("cni"), oomGroup != null && oomGroup.matches("[01]") ? oomGroup : null, problemText);
    }

    static Map<String, String> parse(String log) {
        return log.lines().filter(line -> line.indexOf('=') > 0)
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1).strip(), (a, b) -> b));
    }

    private static Map<String, String> probe(KubernetesClient client, ImageSet images, String namespace, String node,
                                             Duration bound) {
        String name = "sc-node-facts-" + Long.toString(System.nanoTime() & 0xffffffL, 36);
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("app.kubernetes.io/name", "sidecar-conformance-node-facts").endMetadata()
                .withNewSpec().withNodeName(node).withRestartPolicy("Never").withHostPID(true)
                .withTerminationGracePeriodSeconds(0L).withAutomountServiceAccountToken(false)
                .addNewToleration().withOperator("Exists").endToleration()
                .addNewContainer().withName("probe").withImage(images.busybox()).withImagePullPolicy(images.pullPolicy())
                .withCommand("sh", "-c", PROBE)
                .withNewSecurityContext().withPrivileged(true).endSecurityContext()
                .endContainer().endSpec().build();
        try {
            client.pods().inNamespace(namespace).resource(pod).create();
            Pod done = client.pods().inNamespace(namespace).withName(name)
                    .waitUntilCondition(p -> p != null && p.getStatus() != null
                            && List.of("Succeeded", "Failed").contains(p.getStatus().getPhase()),
                            bound.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, String> facts = parse(client.pods().inNamespace(namespace).withName(name).getLog());
            if (!"Succeeded".equals(done.getStatus().getPhase()) && facts.isEmpty()) {
                return Map.of("problem", "node facts probe pod " + done.getStatus().getPhase().toLowerCase(Locale.ROOT));
            }
            return facts;
        } catch (KubernetesClientException | IllegalStateException e) {
            return Map.of("problem", "node facts probe: " + OneLine.of(e));
        } finally {
            try {
                client.pods().inNamespace(namespace).withName(name).withGracePeriod(0).delete();
            } catch (KubernetesClientException e) {
                // best effort: the run's namespace cleanup does not cover this pod, but it has ended
            }
        }
    }
}
