package io.sidecarconformance.pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.EphemeralContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

import java.util.Map;

/** Turns a {@link WorkloadSpec} into a Job (by default restartPolicy Never, no retries) and, if needed, the ephemeral sidecar. */
public final class JobFactory {

    public static final String SCRIPTS_CONFIG_MAP = "sc-scripts";

    private JobFactory() {
    }

    public static Job job(String name, WorkloadSpec spec, Map<String, String> labels) {
        return new JobBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec()
                .withBackoffLimit(spec.backoffLimit())
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withSpec(podSpec(spec))
                .endTemplate()
                .endSpec()
                .build();
    }

    static PodSpec podSpec(WorkloadSpec spec) {
        PodSpecBuilder b = new PodSpecBuilder()
                .withRestartPolicy(spec.restartPolicy())
                .withTerminationGracePeriodSeconds(spec.terminationGracePeriodSeconds())
                .withShareProcessNamespace(spec.shareProcessNamespace() ? Boolean.TRUE : null)
                .withEnableServiceLinks(false)
                // The workloads resolve no names; node DNS avoids warnings on clusters without cluster DNS.
                .withDnsPolicy("Default")
                .addToContainers(spec.container(Role.MAIN))
                .addToVolumes(new VolumeBuilder().withName(ContainerFactory.SCRIPTS_VOLUME)
                        .withNewConfigMap().withName(SCRIPTS_CONFIG_MAP).withDefaultMode(0555).endConfigMap().build())
                .addToVolumes(emptyDir(ContainerFactory.SHARED_VOLUME))
                .addToVolumes(emptyDir(ContainerFactory.DOCKER_SOCKET_VOLUME))
                .addToVolumes(emptyDir(ContainerFactory.DOCKER_STORAGE_VOLUME));
        if (spec.osName() != null) {
            b.withNewOs().withName(spec.osName()).endOs();
        }
        Container sidecar = spec.container(Role.SIDECAR);
        switch (spec.placement()) {
            case CONTAINER -> b.addToContainers(sidecar);
            case NATIVE_INIT -> b.addToInitContainers(new ContainerBuilder(sidecar).withRestartPolicy("Always").build());
            case EPHEMERAL -> { /* injected later, see ephemeralSidecar */ }
        }
        for (Container more : spec.moreSidecars()) {
            switch (spec.placement()) {
                case CONTAINER -> b.addToContainers(more);
                case NATIVE_INIT -> b.addToInitContainers(new ContainerBuilder(more).withRestartPolicy("Always").build());
                case EPHEMERAL -> throw new IllegalArgumentException("only one sidecar can be injected as an ephemeral container");
            }
        }
        return b.build();
    }

    /** The sidecar as an ephemeral container: every field copied, so the API decides what it accepts. */
    public static EphemeralContainer ephemeralSidecar(WorkloadSpec spec) {
        Container c = spec.container(Role.SIDECAR);
        return new EphemeralContainerBuilder()
                .withName(c.getName())
                .withImage(c.getImage())
                .withImagePullPolicy(c.getImagePullPolicy())
                .withCommand(c.getCommand())
                .withArgs(c.getArgs())
                .withEnv(c.getEnv())
                .withVolumeMounts(c.getVolumeMounts())
                .withSecurityContext(c.getSecurityContext())
                .withResources(c.getResources())
                .withStartupProbe(c.getStartupProbe())
                .build();
    }

    private static io.fabric8.kubernetes.api.model.Volume emptyDir(String name) {
        return new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build();
    }

}
