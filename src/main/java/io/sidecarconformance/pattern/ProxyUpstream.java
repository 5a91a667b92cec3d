package io.sidecarconformance.pattern;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.sidecarconformance.cluster.ImageSet;

import java.util.Map;

/**
 * The remote service behind the proxy sidecar: a pod of its own in the scenario's namespace (busybox httpd answering
 * /ping with pong), which the proxy reaches by its pod IP, as a mesh's proxy reaches the endpoints its control plane
 * names. Our local clusters have neither DNS nor kube-proxy, so the suite plays the control plane: once the pod is
 * Ready it writes the pod's address into a ConfigMap ({@link #CONFIG_MAP}, key {@link #ADDRESS_KEY}) that the proxy
 * container reads as SC_UPSTREAM. Not a process in the Job's own pod: a proxy forwarding to its own pod is no proxy in
 * front of a remote service.
 */
public final class ProxyUpstream {

    public static final String POD = "sc-upstream";
    public static final String CONFIG_MAP = "sc-upstream";
    public static final String ADDRESS_KEY = "address";
    public static final int PORT = 8080;
    /** How long the suite waits for the upstream to be Ready with an IP; past it the cell is ERROR (nothing to observe). */
    public static final int READY_SECONDS = 120;

    private ProxyUpstream() {
    }

    /** The upstream pod, labelled as the scenario's objects are. */
    public static Pod pod(ImageSet images, Map<String, String> labels) {
        return new PodBuilder()
                .withNewMetadata().withName(POD).withLabels(labels).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Always")
                .withEnableServiceLinks(false)
                .withDnsPolicy("Default")
                .addNewContainer()
                .withName("upstream")
                .withImage(images.busybox())
                .withImagePullPolicy(images.pullPolicy())
                // -v: one line per request on its log (kubectl logs sc-upstream), for a reader who wants to see them arrive
                .withCommand("/bin/sh", "-c", "mkdir -p /tmp/www && echo pong > /tmp/www/ping && exec httpd -f -v -p "
                        + PORT + " -h /tmp/www")
                .addNewPort().withName("http").withContainerPort(PORT).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ping").withNewPort(PORT).endHttpGet()
                .withPeriodSeconds(1).endReadinessProbe()
                .endContainer()
                .endSpec()
                .build();
    }

    /** What the proxy forwards to, from the pod's IP. */
    public static String address(String podIp) {
        return podIp + ":" + PORT;
    }

    /**
     * The same hand-over for a reader's kubectl, in the scenario's namespace $NS: wait for the pod, then write its
     * address into the ConfigMap (the recorded address was our cluster's).
     */
    public static String handOverCommand() {
        return "kubectl -n \"$NS\" wait --for=condition=Ready pod/" + POD + " --timeout=" + READY_SECONDS + "s"
                + " && kubectl -n \"$NS\" create configmap " + CONFIG_MAP + " --from-literal=" + ADDRESS_KEY
                + "=\"$(kubectl -n \"$NS\" get pod " + POD + " -o jsonpath='{.status.podIP}'):" + PORT + "\"";
    }
}
