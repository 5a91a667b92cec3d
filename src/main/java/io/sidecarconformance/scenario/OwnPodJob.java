package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.workload.Workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user's own pod in a Job of the run's namespace, as written: its pod spec and metadata, and a Job's own settings
 * (else backoffLimit 0), with the run's labels added so that the sweep removes it after a kill -9, a pod restartPolicy
 * of Never where it set none, and without what pins an exported object (nodeName, a Job's selector and its controller's
 * labels). On a cluster that pulls nothing each container whose image has a local stand-in runs on it (said on the
 * timeline). The faults change nothing in it.
 */
final class OwnPodJob implements JobSource {

    /**
     * Labels the Job controller puts on its pods: an exported Job or Pod carries them, and they must not be sent back. Every
     * label under {@link #CONTROLLER_PREFIX} is the controller's (job-completion-index too, on an Indexed Job's pods).
     */
    private static final Set<String> CONTROLLER_LABELS = Set.of("controller-uid", "job-name");
    private static final String CONTROLLER_PREFIX = "batch.kubernetes.io/";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final OwnPod own;
    private final RunScope scope;
    /** Built once: the stand-ins it uses are said on the timeline once, also when the Job is sent again without fault. */
    private PodSpec podSpec;

    OwnPodJob(OwnPod own, RunScope scope) {
        this.own = own;
        this.scope = scope;
    }

    @Override
    public Job job(String name, Map<String, String> labels) {
        Workload w = own.workload();
        JobSpec settings = w.jobSettings().map(s -> new JobSpecBuilder(JSON.clone(s)).build())
                .orElseGet(() -> new JobSpecBuilder().withBackoffLimit(0).build());
        settings.setSelector(null);
        settings.setManualSelector(null);
        return new JobBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withSpec(new JobSpecBuilder(settings)
                        .withNewTemplate().withMetadata(podMetadata(labels)).withSpec(podSpec()).endTemplate()
                        .build())
                .build();
    }

    @Override
    public Job withoutFault(String name, Map<String, String> labels) {
        return job(name, labels);
    }

    @Override
    public List<HasMetadata> before(Map<String, String> labels) {
        List<HasMetadata> out = new ArrayList<>();
        for (HasMetadata o : own.workload().objects()) {
            HasMetadata copy = JSON.clone(o);
            ObjectMeta m = copy.getMetadata();
            Map<String, String> all = new LinkedHashMap<>(m.getLabels() == null ? Map.of() : m.getLabels());
            all.putAll(labels);
            copy.setMetadata(new ObjectMetaBuilder().withName(m.getName()).withLabels(all).withAnnotations(m.getAnnotations())
                    .build());
            out.add(copy);
        }
        return out;
    }

    @Override
    public Optional<WorkloadSpec> ephemeral() {
        return Optional.empty();
    }

    private ObjectMeta podMetadata(Map<String, String> labels) {
        ObjectMeta written = own.workload().podMetadata();
        Map<String, String> all = new LinkedHashMap<>(written == null || written.getLabels() == null ? Map.of() : written.getLabels());
        all.keySet().removeIf(k -> CONTROLLER_LABELS.contains(k) || k.startsWith(CONTROLLER_PREFIX));
        all.putAll(labels);
        return new ObjectMetaBuilder().withLabels(all)
                .withAnnotations(written == null ? null : written.getAnnotations()).build();
    }

    private PodSpec podSpec() {
        if (podSpec == null) {
            podSpec = asRun();
        }
        return new PodSpecBuilder(podSpec).build();
    }

    private PodSpec asRun() {
        PodSpec spec = JSON.clone(own.workload().podSpec());
        spec.setNodeName(null);
        if (spec.getRestartPolicy() == null) {
            spec.setRestartPolicy("Never");
        }
        spec.setInitContainers(standIns(spec.getInitContainers()));
        spec.setContainers(standIns(spec.getContainers()));
        return new PodSpecBuilder(spec).build();
    }

    private List<Container> standIns(List<Container> containers) {
        if (containers == null) {
            return null;
        }
        List<Container> out = new ArrayList<>();
        for (Container c : containers) {
            Optional<String> local = scope.images().standInFor(c.getImage());
            if (local.isPresent()) {
                scope.action("container " + c.getName() + ": image " + c.getImage() + " runs as " + local.get()
                        + ", its local stand-in (clusters/local/images.properties)");
                out.add(new ContainerBuilder(c).withImage(local.get()).withImagePullPolicy(scope.images().pullPolicy()).build());
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
