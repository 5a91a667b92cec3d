package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Map;

/**
 * The submit step: ships the test containers' scripts, then (for a proxy sidecar) brings up its upstream
 * ({@link ProxyUpstreamStep}), then sends the Job and notes what the API did with it (kept it, dropped some of its
 * fields, or refused it, and then whether it accepts the Job without the fault's fields).
 */
final class JobSubmission {

    static final String JOB = "sc-job";

    private final RunScope scope;
    private final JobSource source;

    JobSubmission(RunScope scope, JobSource source) {
        this.scope = scope;
        this.source = source;
    }

    void shipScripts() {
        ConfigMap scripts = ScenarioScripts.configMap();
        scope.applied().object(scripts);
        ApiAnswers.createOwn(scope.client().configMaps().inNamespace(scope.namespace()).resource(scripts));
    }

    void submitJob() {
        ScenarioSpec spec = scope.spec();
        Map<String, String> labels = Map.of("sidecar-conformance/scenario", truncate(spec.key().slug(), 63));
        for (HasMetadata o : source.before(labels)) {
            scope.action("create " + o.getKind() + " " + o.getMetadata().getName());
            scope.applied().object(o);
            ApiAnswers.createOwn(scope.client().resource(o).inNamespace(scope.namespace()));
        }
        if (ProxyUpstreamStep.needed(scope) && !new ProxyUpstreamStep(scope).provide(labels)) {
            return;
        }
        Job sent = source.job(JOB, labels);
        scope.action("create Job " + JOB + ": " + spec.key().row() + " under " + spec.key().fault());
        scope.applied().object(sent);
        scope.facts().created(scope.clock().instant());
        var jobs = scope.client().batch().v1().jobs().inNamespace(scope.namespace());
        try {
            Job stored = ApiAnswers.createOwn(jobs.resource(sent));
            scope.facts().dropped(ApiAnswers.dropped("pod.", sent.getSpec().getTemplate().getSpec(),
                    stored.getSpec().getTemplate().getSpec()));
        } catch (KubernetesClientException e) {
            String refusal = ApiAnswers.refusalOrRethrow(scope, e);
            Job plain = source.withoutFault(JOB, labels);
            scope.facts().refused(refusal, !plain.equals(sent)
                    && ApiAnswers.acceptedInDryRun(scope, () -> jobs.resource(plain).dryRun().create()));
        }
    }

    private static String truncate(String s, int max) {
        String t = s.length() <= max ? s : s.substring(0, max);
        return t.replaceAll("[^a-z0-9]+$", "");
    }
}
