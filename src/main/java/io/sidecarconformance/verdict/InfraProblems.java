package io.sidecarconformance.verdict;

import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.PodStatusTracker;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;

import java.util.List;
import java.util.Optional;

/**
 * What on the timeline shows that the cluster, not the pattern, stood in the way: an image it cannot pull, a container
 * the node's runtime could not set up.
 */
final class InfraProblems {

    private static final List<String> IMAGE_PROBLEMS = List.of(
            "waiting=ErrImagePull", "waiting=ImagePullBackOff", "waiting=ErrImageNeverPull", "waiting=InvalidImageName");

    private static final String RUNTIME_CGROUP_FAILURE = "error setting cgroup config";

    private InfraProblems() {
    }

    /** The first container the kubelet could not get an image for, in words, or empty. */
    static Optional<String> imageNotPullable(Timeline t) {
        return t.first(InfraProblems::isImageProblem).map(e -> "image not available on the cluster for " + e.container()
                + " (" + e.detail() + "); import it or choose images with -Dimages.busybox / -Dimages.dind / -Dimages.proxy");
    }

    /**
     * The first of the pod's containers that the node's runtime could not create because it could not set up its cgroup
     * (runc: "error setting cgroup config ... unable to freeze", seen on kind's nested cgroup v1 nodes under load): the
     * kubelet ends it with StartError exit 128 whatever the spec says, so what follows says nothing about the pattern.
     * Not the pod's sandbox (the kubelet creates it again), and not a spec's own start errors (a command not found).
     */
    static Optional<String> runtimeCouldNotCreate(Timeline t) {
        return t.first(e -> e.kind() == EventKind.EVENT && !e.container().equals(PodStatusTracker.POD) && e.detail().startsWith("Failed:")
                        && e.detail().contains(RUNTIME_CGROUP_FAILURE))
                .map(e -> "the node's runtime could not create " + e.container() + " (" + e.detail().substring(e.detail()
                        .indexOf(RUNTIME_CGROUP_FAILURE)) + "): an infrastructure failure, not the pattern's");
    }

    private static boolean isImageProblem(TimelineEvent e) {
        return e.kind() == EventKind.STATUS && IMAGE_PROBLEMS.stream().anyMatch(e.detail()::startsWith);
    }
}
