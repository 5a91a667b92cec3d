package io.sidecarconformance.pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
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

    private final ImageSet images;
    private final SidecarKind kind;
    private final Variant variant;

    public ContainerFactory(ImageSet images, SidecarKind kind, Variant variant) {
        this.images = images;
        this.kind = kind;
        this.variant = variant;
    }

    /** The main container; {@code shutdown} is none, done-file or pidfile. */
    public Container main(String shutdown) {
        // Shell form needs a command after the script: `sh -c "one command"` execs it (ash, dash, bash alike),
        // which would leave the trapping script as PID 1 just as in exec form.
        List<String> command = variant.shellForm()
                ? List.of("/bin/sh", "-c", "/bin/sh /sc/main.sh; exit $?")
                : List.of("/bin/sh", "/sc/main.sh");
        return new ContainerBuilder()
                .withName(Role.MAIN.containerName())
                .withImage(kind == SidecarKind.DIND ? images.dind() : images.busybox())
                .withImagePullPolicy(images.pullPolicy())
                .withCommand(command)
                .addNewEnv().withName("SC_NAME").withValue(Role.MAIN.containerName()).endEnv()
                .addNewEnv().withName("SC_SIDECAR_KIND").withValue(kind.id()).endEnv()
                .addNewEnv().withName("SC_SHUTDOWN").withValue(shutdown).endEnv()
                .addNewEnv().withName("DOCKER_HOST").withValue("unix:///var/run/docker.sock").endEnv()
                .withVolumeMounts(mounts(false))
                .build();
    }

    /** The sidecar container; {@code shutdown} is none, done-file or pidfile. */
    public Container sidecar(String shutdown) {
        // The light service takes as long to come up as a small real daemon, so that start order is observable.
        String startup = kind == SidecarKind.LIGHT ? "3" : "0";
        ContainerBuilder b = new ContainerBuilder()
                .withName(Role.SIDECAR.containerName())
                .withImage(kind == SidecarKind.DIND ? images.dind() : images.busybox())
                .withImagePullPolicy(images.pullPolicy())
                .withCommand("/bin/sh", "/sc/sidecar.sh")
                .addNewEnv().withName("SC_NAME").withValue(Role.SIDECAR.containerName()).endEnv()
                .addNewEnv().withName("SC_SIDECAR_KIND").withValue(kind.id()).endEnv()
                .addNewEnv().withName("SC_SHUTDOWN").withValue(shutdown).endEnv()
                .addNewEnv().withName("SC_STARTUP_SECONDS").withValue(startup).endEnv()
                .addNewEnv().withName("DOCKER_HOST").withValue("unix:///var/run/docker.sock").endEnv()
                .withVolumeMounts(mounts(true));
        if (kind == SidecarKind.DIND) {
            b.withNewSecurityContext().withPrivileged(true).endSecurityContext();
        }
        if (variant.startupProbe()) {
            b.withStartupProbe(serviceProbe());
        }
        return b.build();
    }

    /** The same check the sidecar makes before it says Ready (the seed's `docker info` for dind). */
    private static Probe serviceProbe() {
        return new ProbeBuilder()
                .withNewExec().withCommand("/bin/sh", "-c", ". /sc/lib.sh; service_ok").endExec()
                .withInitialDelaySeconds(0)
                .withPeriodSeconds(1)
                .withTimeoutSeconds(5)
                .withFailureThreshold(180)
                .build();
    }

    private List<VolumeMount> mounts(boolean sidecar) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(new VolumeMountBuilder().withName(SCRIPTS_VOLUME).withMountPath("/sc").withReadOnly(true).build());
        mounts.add(new VolumeMountBuilder().withName(SHARED_VOLUME).withMountPath("/sc-shared").build());
        if (kind == SidecarKind.DIND) {
            mounts.add(new VolumeMountBuilder().withName(DOCKER_SOCKET_VOLUME).withMountPath("/var/run").build());
            if (sidecar) {
                mounts.add(new VolumeMountBuilder().withName(DOCKER_STORAGE_VOLUME).withMountPath("/var/lib/docker").build());
            }
        }
        return mounts;
    }
}
