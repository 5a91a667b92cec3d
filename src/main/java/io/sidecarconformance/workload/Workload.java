package io.sidecarconformance.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's workload as read from its file, before any cluster work. The fabric8 objects are the file's own: a run
 * builds its Job from copies.
 *
 * @param file        the file as named on the command line
 * @param sha256      the file's SHA-256, lower-case hex: results.json says which file, and which content, a row came from
 * @param source      what in the file the pod came from, e.g. "Job arc-runner (line 12)"
 * @param podMetadata the pod's metadata as written (labels, annotations); never null
 * @param podSpec     the pod spec as written
 * @param jobSettings when the file held a Job: its spec without the template (backoffLimit, podFailurePolicy, ...)
 * @param objects     the ConfigMaps and Secrets to apply first, in the run's namespace, in file order
 */
public record Workload(Path file, String sha256, String source, ObjectMeta podMetadata, PodSpec podSpec,
                       Optional<JobSpec> jobSettings, List<HasMetadata> objects) {

    public Workload {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(podSpec, "podSpec");
        objects = List.copyOf(objects);
    }
}
