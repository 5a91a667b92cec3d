package io.sidecarconformance.fault;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a fabric8 mock API server received, for tests that compare what was sent with what was recorded. */
public final class RecordedRequests {

    private RecordedRequests() {
    }

    /** A request's body, all of it: the mock's dispatcher has already read (and so emptied) the stream getUtf8Body reads. */
    public static String body(RecordedRequest r) {
        return new String(r.getBody().getBytes(), StandardCharsets.UTF_8);
    }

    /** Every request with this method the server received so far and not yet taken, in order. */
    public static List<RecordedRequest> received(KubernetesMockServer server, String method) throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(200, TimeUnit.MILLISECONDS); r != null;
             r = server.takeRequest(200, TimeUnit.MILLISECONDS)) {
            if (method.equals(r.getMethod())) {
                all.add(r);
            }
        }
        return all;
    }
}
