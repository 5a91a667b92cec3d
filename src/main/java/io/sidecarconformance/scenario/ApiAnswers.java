package io.sidecarconformance.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sidecarconformance.verdict.FieldDropCheck;

import java.util.List;

/** How the run reads the API server's answers: a refusal, a dry run after one, an object it already holds, a dropped field. */
final class ApiAnswers {

    private ApiAnswers() {
    }

    /**
     * Creates an object in the scenario's namespace. Under load the client may resend a create whose answer it lost;
     * the namespace is ours alone, so an object of that name already there (409) is the one we sent.
     */
    static <T extends HasMetadata> T createOwn(Resource<T> resource) {
        try {
            return resource.create();
        } catch (KubernetesClientException e) {
            T existing = e.getCode() == 409 ? resource.get() : null;
            if (existing == null) {
                throw e;
            }
            return existing;
        }
    }

    /** Invalid (422), bad request (400), or a subresource the server does not serve (404/405). */
    static boolean isRefusal(KubernetesClientException e) {
        return e.getCode() == 400 || e.getCode() == 422 || e.getCode() == 404 || e.getCode() == 405;
    }

    /** The API's refusal message (recorded on the timeline), or the exception again when it is no refusal. */
    static String refusalOrRethrow(RunScope scope, KubernetesClientException e) {
        if (!isRefusal(e)) {
            throw e;
        }
        String refusal = oneLine(e);
        scope.action("API refused: " + refusal);
        return refusal;
    }

    /**
     * After a refusal: whether the API accepts the same request without the fault's fields (a server-side dry run,
     * nothing is stored). If it does, the refusal was of what the fault adds, not of the pattern.
     */
    static boolean acceptedInDryRun(RunScope scope, Runnable request) {
        try {
            request.run();
            scope.action("dry run without the fault's fields: accepted");
            return true;
        } catch (KubernetesClientException e) {
            scope.action("dry run without the fault's fields: refused too (" + oneLine(e) + ")");
            return false;
        } catch (RuntimeException e) {
            // Undecided: the refusal stands as the pattern's.
            scope.action("dry run without the fault's fields could not be made: " + oneLine(e));
            return false;
        }
    }

    static String oneLine(Throwable e) {
        String msg = e instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null
                ? k.getStatus().getMessage() : String.valueOf(e.getMessage());
        return msg.replaceAll("\\s+", " ").strip();
    }

    /** The fields of {@code sent} that {@code stored} lacks, each path after {@code prefix}. */
    static List<String> dropped(String prefix, Object sent, Object stored) {
        JsonNode a = Serialization.jsonMapper().valueToTree(sent);
        JsonNode b = stored == null ? null : Serialization.jsonMapper().valueToTree(stored);
        return FieldDropCheck.dropped(a, b).stream().map(p -> prefix + p).toList();
    }
}
