package io.sidecarconformance.pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.sidecarconformance.cluster.ImageSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the main and sidecar containers every pattern shares. The scripts they run come from the
 * scenario's ConfigMap (mounted at /sc); patterns differ only in placement and shutdown protocol.
 */
public final class ContainerFactory {

    public static final String SCRIPTS_VOLUME = "sc-scripts";
    public static final String SHARED_VOLUME = "sc-shared";
    public static final String DOCKER_SOCKET_VOLUME = "dind-sock";
    public static final String DOCKER_STORAGE_VOLUME = "dind-storage";

    /** The startupProbe of the +probe variants checks every second, for up to three minutes. */
    public static final int PROBE_PERIOD_SECONDS = 1;
    public static final int PROBE_FAILURE_THRESHOLD = 180;
    /**
     * The readinessProbe of the +ready variants marks a container unready at its first failed check (Kubernetes'
     * default is 3): after a SIGTERM that makes the check fail, Ready can go false one period later, not three.
     */
    public static final int READINESS_FAILURE_THRESHOLD = 1;
    /** The light service's port: the first sidecar's; a further sidecar n listens on this + n - 1. */
    public static final int LIGHT_PORT = 8080;
    /** The proxy sidecar's ports, Istio's: main's requests (outbound, on 127.0.0.1), readiness, HAProxy's CLI (127.0.0.1). */
    public static final int PROXY_PORT = 15001;
    public static final int PROXY_HEALTH_PORT = 15021;
    public static final int PROXY_ADMIN_PORT = 15000;
    public static final String PROXY_READY_PATH = "/healthz/ready";
    /**
     * The proxy's readinessProbe fails at its first failed check, once a second: the kubelet's ready flag then follows
     * the drain within about a second (Istio's own probe is slower; what it shows is the same).
     */
    public static final int PROXY_READINESS_FAILURE_THRESHOLD = 1;
    /**
     * How often a done-file or pidfile sidecar checks for the done file or for main's process (real ones check every 2
     * to 5 s: Buildkite's done-file loop sleeps 5 s, the pidfile one 2 s). Where a cell's end is a race between this
     * check and what the kubelet does (a main restarted in place beside a done-file sidecar), the check decides it.
     */
    public static final int SHUTDOWN_POLL_SECONDS = 1;
    /** How long the preStop hook of the patterns that have one takes (a hook that drains connections). */
    public static final int PRESTOP_SECONDS = 2;

    private final ImageSet images;
    private final SidecarKind kind;
    private final Variant variant;
    private final ContainerSettings settings;

    public ContainerFactory(ImageSet images, SidecarKind kind, Variant variant, ContainerSettings settings) {
        this.images = images;
        this.kind = kind;
        this.variant = variant;
        this.settings = settings;
    }

    /** With the default container settings. */
    public ContainerFactory(ImageSet images, SidecarKind kind, Variant variant) {
        this(images, kind, variant, ContainerSettings.defaults());
    }

    /** The same containers with other timings. */
    public ContainerFactory with(ContainerSettings other) {
        return new ContainerFactory(images, kind, variant, other);
    }

    /** The main container; {@code shutdown} is none, done-file or pidfile. */
    public Container main(String shutdown) {
        // Shell form needs a command after the script: `sh -c "one command"` execs it (ash, dash, bash alike),
        // which would leave the trapping script as PID 1 just as in exec form.
        List<String> command = variant.shellForm()
                ? List.of("/bin/sh", "-c", "/bin/sh /sc/main.sh; exit $?")
                : List.of("/bin/sh", "/sc/main.sh");
        ContainerBuilder b = new ContainerBuilder()
                .withName(Role.MAIN.containerName())
                .withImage(kind == SidecarKind.DIND ? images.dind() : images.busybox())
                .withImagePullPolicy(images.pullPolicy())
                .withCommand(command)
                .addNewEnv().withName("SC_NAME").withValue(Role.MAIN.containerName()).endEnv()
                .addNewEnv().withName("SC_SIDECAR_KIND").withValue(kind.id()).endEnv()
                .addNewEnv().withName("SC_SHUTDOWN").withValue(shutdown).endEnv()
                .addNewEnv().withName("SC_CLIENT").withValue(variant.client()).endEnv()
                .addNewEnv().withName("SC_CHECK_TIMEOUT").withValue(Integer.toString(settings.checkTimeoutSeconds())).endEnv();
        if (variant.tolerant()) {
            b.addNewEnv().withName("SC_RETRY_SECONDS").withValue(Integer.toString(settings.retrySeconds())).endEnv();
        }
        if (kind == SidecarKind.PROXY) {
            b.addToEnv(env("SC_PROXY_PORT", PROXY_PORT), env("SC_PROXY_HEALTH_PORT", PROXY_HEALTH_PORT));
        }
        if (variant.readinessProbe()) {
            // main.sh: make the marker its probe checks; begin working once its probe and the sidecar's each passed twice
            b.addNewEnv().withName("SC_READINESS").withValue("1").endEnv().withReadinessProbe(readinessProbe("marker"));
        }
        return b.addNewEnv().withName("DOCKER_HOST").withValue("unix:///var/run/docker.sock").endEnv()
                .withVolumeMounts(mounts(false))
                .build();
    }

    /** The sidecar container; {@code shutdown} is none, done-file or pidfile. */
    public Container sidecar(String shutdown) {
        return sidecar(Role.SIDECAR.containerName(), kind, shutdown).build();
    }

    /**
     * A further sidecar, the {@code ordinal}-th to start (2, 3, ...): always a light service, on its own port
     * ({@link #LIGHT_PORT} + ordinal - 1), with the same start-up time and, in +probe variants, the same probe.
     * Main does not use it; it is there to be started and stopped in order.
     */
    public Container moreSidecar(int ordinal) {
        if (ordinal < 2) {
            throw new IllegalArgumentException("further sidecars are numbered from 2, not " + ordinal);
        }
        return sidecar(Role.SIDECAR.containerName() + "-" + ordinal, SidecarKind.LIGHT, "none")
                .addNewEnv().withName("SC_PORT").withValue(Integer.toString(LIGHT_PORT + ordinal - 1)).endEnv()
                .build();
    }

    /** The same container with a preStop hook that writes a PreStop line and takes {@link #PRESTOP_SECONDS}. */
    public static Container withPreStop(Container c) {
        return new ContainerBuilder(c).withNewLifecycle().withNewPreStop().withNewExec()
                .withCommand("/bin/sh", "-c", ". /sc/lib.sh; prestop_hook " + PRESTOP_SECONDS)
                .endExec().endPreStop().endLifecycle().build();
    }

    private ContainerBuilder sidecar(String name, SidecarKind kind, String shutdown) {
        ContainerBuilder b = new ContainerBuilder()
                .withName(name)
                .withImage(image(kind))
                .withImagePullPolicy(images.pullPolicy())
                .withCommand("/bin/sh", "/sc/sidecar.sh")
                .addNewEnv().withName("SC_NAME").withValue(name).endEnv()
                .addNewEnv().withName("SC_SIDECAR_KIND").withValue(kind.id()).endEnv()
                .addNewEnv().withName("SC_SHUTDOWN").withValue(shutdown).endEnv()
                .addNewEnv().withName("SC_POLL_SECONDS").withValue(Integer.toString(SHUTDOWN_POLL_SECONDS)).endEnv()
                .addNewEnv().withName("SC_CHECK_TIMEOUT").withValue(Integer.toString(settings.checkTimeoutSeconds())).endEnv()
                .addNewEnv().withName("DOCKER_HOST").withValue("unix:///var/run/docker.sock").endEnv()
                .withVolumeMounts(kind == this.kind ? mounts(true) : baseMounts());
        if (kind == SidecarKind.LIGHT) {
            // dockerd takes its own time to listen; the light service is given a small real service's start-up.
            b.addNewEnv().withName("SC_STARTUP_SECONDS").withValue(Integer.toString(settings.lightStartupSeconds())).endEnv();
        }
        if (kind == SidecarKind.DIND) {
            b.withNewSecurityContext().withPrivileged(true).endSecurityContext();
        }
        if (kind == SidecarKind.PROXY) {
            proxy(b);
        }
        if (variant.startupProbe()) {
            b.withStartupProbe(kind == SidecarKind.PROXY ? proxyReadiness(PROBE_FAILURE_THRESHOLD) : serviceProbe());
        }
        if (variant.readinessProbe()) {
            // The proxy's own HTTP readinessProbe gives way to the exec one: service_ok checks the same endpoint, and each
            // pass goes into the note main counts (lib.sh: readiness_probe).
            b.withReadinessProbe(readinessProbe("service"));
        }
        return b;
    }

    private String image(SidecarKind kind) {
        return switch (kind) {
            case LIGHT -> images.busybox();
            case DIND -> images.dind();
            case PROXY -> images.proxy();
        };
    }

    /**
     * The proxy sidecar as Istio injects its own: its ports, a readinessProbe on its readiness endpoint, how long it
     * drains on SIGTERM, and where the upstream is (the address the suite writes once the upstream pod is Ready).
     */
    private void proxy(ContainerBuilder b) {
        b.addToEnv(env("SC_PROXY_PORT", PROXY_PORT), env("SC_PROXY_HEALTH_PORT", PROXY_HEALTH_PORT),
                        env("SC_PROXY_ADMIN_PORT", PROXY_ADMIN_PORT), env("SC_PROXY_DRAIN_SECONDS", settings.proxyDrainSeconds()))
                .addToEnv(new EnvVarBuilder().withName("SC_UPSTREAM").withNewValueFrom().withNewConfigMapKeyRef()
                        .withName(ProxyUpstream.CONFIG_MAP).withKey(ProxyUpstream.ADDRESS_KEY).endConfigMapKeyRef()
                        .endValueFrom().build())
                .addNewPort().withName("outbound").withContainerPort(PROXY_PORT).endPort()
                .addNewPort().withName("health").withContainerPort(PROXY_HEALTH_PORT).endPort()
                .withReadinessProbe(proxyReadiness(PROXY_READINESS_FAILURE_THRESHOLD));
    }

    /** An HTTP GET of the proxy's readiness endpoint by the kubelet, as Istio probes its sidecar; bounded as every check. */
    private Probe proxyReadiness(int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(PROXY_READY_PATH).withPort(new IntOrString(PROXY_HEALTH_PORT)).endHttpGet()
                .withInitialDelaySeconds(0)
                .withPeriodSeconds(PROBE_PERIOD_SECONDS)
                .withTimeoutSeconds(settings.checkTimeoutSeconds())
                .withFailureThreshold(failureThreshold)
                .build();
    }

    private static EnvVar env(String name, int value) {
        return new EnvVar(name, Integer.toString(value), null);
    }

    /**
     * The +ready variants' readinessProbe: {@code service} (a sidecar) passes while its service answers, with the same
     * check and bound as main's; {@code marker} (main) while main's own marker file is there, which main removes at
     * its SIGTERM. Every -Dprobe.readinessPeriodSeconds, unready at the first failure.
     */
    private Probe readinessProbe(String check) {
        return new ProbeBuilder()
                .withNewExec().withCommand("/bin/sh", "-c", ". /sc/lib.sh; readiness_probe " + check).endExec()
                .withInitialDelaySeconds(0)
                .withPeriodSeconds(settings.readinessPeriodSeconds())
                .withTimeoutSeconds(settings.checkTimeoutSeconds())
                .withSuccessThreshold(1)
                .withFailureThreshold(READINESS_FAILURE_THRESHOLD)
                .build();
    }

    /**
     * The same check the sidecar and main make (`docker info` for dind, as ARC's native spec probes it; the proxy's is
     * its readiness endpoint, probed over HTTP as Istio does), with the same
     * bound: the kubelet gives the exec as long as service_ok gives the check, so probe and main agree on what "ready"
     * means.
     */
    private Probe serviceProbe() {
        return new ProbeBuilder()
                .withNewExec().withCommand("/bin/sh", "-c", ". /sc/lib.sh; service_ok").endExec()
                .withInitialDelaySeconds(0)
                .withPeriodSeconds(PROBE_PERIOD_SECONDS)
                .withTimeoutSeconds(settings.checkTimeoutSeconds())
                .withFailureThreshold(PROBE_FAILURE_THRESHOLD)
                .build();
    }

    private static List<VolumeMount> baseMounts() {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(new VolumeMountBuilder().withName(SCRIPTS_VOLUME).withMountPath("/sc").withReadOnly(true).build());
        mounts.add(new VolumeMountBuilder().withName(SHARED_VOLUME).withMountPath("/sc-shared").build());
        return mounts;
    }

    private List<VolumeMount> mounts(boolean sidecar) {
        List<VolumeMount> mounts = baseMounts();
        if (kind == SidecarKind.DIND) {
            mounts.add(new VolumeMountBuilder().withName(DOCKER_SOCKET_VOLUME).withMountPath("/var/run").build());
            if (sidecar) {
                mounts.add(new VolumeMountBuilder().withName(DOCKER_STORAGE_VOLUME).withMountPath("/var/lib/docker").build());
            }
        }
        return mounts;
    }
}
