package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A cheap look, before scenarios run, at whether the nodes already hold the images: one list of nodes, no pods.
 * Only conclusive for pull policy Never; with IfNotPresent an absent image is simply pulled.
 */
public final class ImageCheck {

    private ImageCheck() {
    }

    /** The images of the set that no node reports in status.images (names compared without registry host and "library/"). */
    public static List<String> missingOnNodes(KubernetesClient client, ImageSet images) {
        Set<String> onNodes = new HashSet<>();
        for (Node node : client.nodes().list().getItems()) {
            if (node.getStatus() == null || node.getStatus().getImages() == null) {
                continue;
            }
            for (ContainerImage image : node.getStatus().getImages()) {
                if (image.getNames() != null) {
                    image.getNames().stream().filter(Objects::nonNull).map(ImageCheck::normalized).forEach(onNodes::add);
                }
            }
        }
        return Stream.of(images.busybox(), images.dind())
                .filter(image -> !onNodes.contains(normalized(image)))
                .toList();
    }

    /** "busybox:1.36.1", "library/busybox:1.36.1" and "&lt;registry&gt;/library/busybox:1.36.1" are one image. */
    static String normalized(String image) {
        String name = image;
        int slash = name.indexOf('/');
        if (slash > 0) {
            String first = name.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                name = name.substring(slash + 1);
            }
        }
        if (name.startsWith("library/")) {
            name = name.substring("library/".length());
        }
        return name;
    }
}
