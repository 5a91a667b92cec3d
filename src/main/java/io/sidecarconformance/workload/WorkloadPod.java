package io.sidecarconformance.workload;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;

import java.util.Optional;

/**
 * The pod a workload document describes, whichever of the accepted shapes holds it: a Job's template, a Pod, a
 * PodTemplate's template, a bare pod template ({metadata, spec}) or a bare pod spec ({containers, ...}).
 *
 * @param source      how messages and the report name it, e.g. "Job arc-runner (line 12)"
 * @param metadata    the pod's metadata as written (the run takes labels and annotations from it); never null
 * @param spec        the pod spec as written
 * @param jobSettings a Job's own spec without its template (backoffLimit, podFailurePolicy, ...), when the file held a Job
 */
record WorkloadPod(String source, ObjectMeta metadata, PodSpec spec, Optional<JobSpec> jobSettings) {

    static WorkloadPod from(YamlDocument d, String file) {
        if (ObjectKinds.isBarePodSpec(d)) {
            return new WorkloadPod("the pod spec at line " + d.line(), new ObjectMeta(),
                    TypedObjects.convert(d.node(), PodSpec.class, d, file), Optional.empty());
        }
        return switch (d.kind()) {
            case "" -> of("the pod template at line " + d.line(), TypedObjects.convert(d.node(), PodTemplateSpec.class, d, file),
                    Optional.empty(), file);
            case "PodTemplate" -> of(d.describe(), TypedObjects.convert(d.node(), PodTemplate.class, d, file).getTemplate(),
                    Optional.empty(), file);
            case "Pod" -> {
                Pod pod = TypedObjects.convert(d.node(), Pod.class, d, file);
                yield of(d.describe(), new PodTemplateSpec(pod.getMetadata(), pod.getSpec()), Optional.empty(), file);
            }
            case "Job" -> {
                JobSpec job = TypedObjects.convert(d.node(), Job.class, d, file).getSpec();
                if (job == null || job.getTemplate() == null) {
                    throw new WorkloadInputException(file + ": " + d.describe() + " has no spec.template; a Job's pod is"
                            + " its spec.template, with spec.containers");
                }
                yield of(d.describe(), job.getTemplate(), Optional.of(new JobSpecBuilder(job).withTemplate(null).build()), file);
            }
            default -> throw new IllegalStateException("not a workload kind: " + d.kind());
        };
    }

    private static WorkloadPod of(String source, PodTemplateSpec template, Optional<JobSpec> jobSettings, String file) {
        if (template == null || template.getSpec() == null) {
            throw new WorkloadInputException(file + ": " + source + " has no pod spec; write spec.containers with at least"
                    + " one container, its main");
        }
        ObjectMeta metadata = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        return new WorkloadPod(source, metadata, template.getSpec(), jobSettings);
    }
}
