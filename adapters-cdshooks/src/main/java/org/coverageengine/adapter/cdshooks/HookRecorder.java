package org.coverageengine.adapter.cdshooks;

import java.time.Instant;
import java.util.List;

/**
 * Where each hook call and its answer are kept (CRD found-11, found-37): the one point the composition root wires to
 * the determination record. Called once per answered call, after the answer is built and before it is sent.
 */
@FunctionalInterface
public interface HookRecorder {

    /** Records nothing: the endpoint then does not retain its guidance as CRD requires. */
    HookRecorder NONE = exchange -> { };

    /** Keeps one exchange; a failure here is logged and never changes the answer. */
    void record(HookExchange exchange);

    /**
     * One hook call and what was answered: the service and hook, the EHR's hook instance, the client (JWT issuer, or
     * null when unchecked), when it arrived, the HTTP status, the request and answer as sent (both hold patient data),
     * and the coverage-assertion ids given.
     */
    record HookExchange(String serviceId, String hook, String hookInstance, String client, Instant received, int status,
            String requestJson, String answerJson, List<String> assertionIds) {
    }
}
