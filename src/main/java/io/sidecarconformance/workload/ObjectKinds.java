package io.sidecarconformance.workload;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the kinds in a workload file are to the suite: the workload itself (a Job, a Pod or a pod template), the objects
 * it needs applied first (ConfigMaps, Secrets), or a refusal that says what to do instead.
 */
final class ObjectKinds {

    /** Cluster-scoped kinds of Kubernetes itself: the suite creates objects only inside its own run namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "StorageClass",
            "CustomResourceDefinition", "PriorityClass", "RuntimeClass", "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
            "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "APIService", "CSIDriver", "CSINode",
            "IngressClass", "VolumeAttachment", "CertificateSigningRequest", "FlowSchema", "PriorityLevelConfiguration",
            "ClusterTrustBundle", "DeviceClass", "ResourceSlice", "VolumeAttributesClass", "IPAddress", "ServiceCIDR");

    /** Where the pod template sits in objects that run pods but not one pod to completion (controllers, CronJobs, ARC's runner sets). */
    private static final List<List<String>> TEMPLATE_PATHS = List.of(
            List.of("spec", "template"), List.of("spec", "jobTemplate", "spec", "template"));

    private ObjectKinds() {
    }

    /** The workload kinds: a Job (batch), a Pod or a PodTemplate (core); the kind alone when there is no apiVersion. */
    static boolean isWorkload(YamlDocument d) {
        return is(d, "batch", "Job") || is(d, "", "Pod") || is(d, "", "PodTemplate");
    }

    /** ConfigMaps and Secrets: applied in the run's namespace before the workload. */
    static boolean isExtra(YamlDocument d) {
        return is(d, "", "ConfigMap") || is(d, "", "Secret");
    }

    static boolean isList(YamlDocument d) {
        return is(d, "", "List") || d.kind().endsWith("List") && d.node().path("items").isArray();
    }

    /** A document without kind that is a pod template ({@code spec.containers}) or a pod spec ({@code containers}). */
    static boolean isBareTemplate(YamlDocument d) {
        return d.kind().isEmpty() && d.node().path("spec").isObject();
    }

    static boolean isBarePodSpec(YamlDocument d) {
        return d.kind().isEmpty() && (d.node().has("containers") || d.node().has("initContainers"));
    }

    /** Why this document cannot be in a workload file, and what to do; empty when it can. */
    static Optional<String> refusal(YamlDocument d) {
        if (!d.node().isObject()) {
            return Optional.of(d.describe() + " is a " + d.node().getNodeType().toString().toLowerCase()
                    + ", not a Kubernetes object; the file holds a Job, a Pod or a pod template, and the ConfigMaps and Secrets it needs");
        }
        if (d.kind().isEmpty()) {
            return isBareTemplate(d) || isBarePodSpec(d) ? Optional.empty() : Optional.of(d.describe()
                    + " has no kind and is not a pod template (no spec) or pod spec (no containers); add kind and apiVersion,"
                    + " or write the pod template as {metadata, spec: {containers: ...}}");
        }
        if (!d.namespace().isEmpty()) {
            return Optional.of(d.describe() + " names namespace " + d.namespace() + "; the suite applies every object in"
                    + " its own run namespace and deletes it with that namespace: remove metadata.namespace");
        }
        if (isWorkload(d) || isExtra(d)) {
            return Optional.empty();
        }
        if (CLUSTER_SCOPED.contains(d.kind())) {
            return Optional.of(d.describe() + " is cluster-scoped; the suite creates nothing outside its run namespace:"
                    + " create it yourself before the run, or remove it from the file");
        }
        Optional<String> template = templatePath(d.node());
        if (template.isPresent()) {
            String resource = d.kind().toLowerCase();
            String name = d.name().isEmpty() ? "<name>" : d.name();
            return Optional.of(d.describe() + " is not one pod, and the suite runs one pod to completion; take its"
                    + " pod template: kubectl get " + resource + " " + name + " -o jsonpath='{" + template.get() + "}' > "
                    + name + "-pod.json, or copy its " + template.get() + " under a Job's spec.template, and name that file");
        }
        return Optional.of(d.describe() + " is not supported in a workload file: it holds one Job, Pod or pod template"
                + " and only the ConfigMaps and Secrets that pod needs; create the rest yourself, or remove it");
    }

    /** ".spec.template" or ".spec.jobTemplate.spec.template" when the object has a pod template there. */
    private static Optional<String> templatePath(JsonNode node) {
        for (List<String> path : TEMPLATE_PATHS) {
            JsonNode at = node;
            for (String field : path) {
                at = at.path(field);
            }
            if (at.path("spec").isObject()) {
                return Optional.of("." + String.join(".", path));
            }
        }
        return Optional.empty();
    }

    private static boolean is(YamlDocument d, String group, String kind) {
        return d.kind().equals(kind) && (!d.hasApiVersion() || d.group().equals(group));
    }
}
