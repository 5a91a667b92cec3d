package io.sidecarconformance.verdict;

import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;

import java.util.List;
import java.util.Optional;

/** What on the timeline shows that the cluster, not the pattern, stood in the way: an image it cannot pull. */
final class InfraProblems {

    private static final List<String> IMAGE_PROBLEMS = List.of(
            "waiting=ErrImagePull", "waiting=ImagePullBackOff", "waiting=ErrImageNeverPull", "waiting=InvalidImageName");

    private InfraProblems() {
    }

    /** The first container the kubelet could not get an image for, in words, or empty. */
    static Optional<String> imageNotPullable(Timeline t) {
        return t.first(InfraProblems::isImageProblem).map(e -> "image not available on the cluster for " + e.container()
                + " (" + e.detail() + "); import it or choose images with -Dimages.busybox / -Dimages.dind / -Dimages.proxy");
    }

    private static boolean isImageProblem(TimelineEvent e) {
        return e.kind() == EventKind.STATUS && IMAGE_PROBLEMS.stream().anyMatch(e.detail()::startsWith);
    }
}
