package org.coverageengine.adapter.cdshooks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;

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
     * the patient and coverage the call was about, and each coverage assertion the answer made.
     */
    record HookExchange(String serviceId, String hook, String hookInstance, String client, Instant received, int status,
            String requestJson, String answerJson, String patientId, String coverageReference, List<Assertion> assertions) {

        /** Copies the assertions. */
        public HookExchange {
            assertions = List.copyOf(assertions);
        }

        /** The coverage-assertion ids given, in answer order. */
        public List<String> assertionIds() {
            return assertions.stream().map(Assertion::id).toList();
        }
    }

    /**
     * One repetition of coverage information in an answer: its coverage-assertion id, the order it is about, the
     * billing code and diagnoses asked (absent for an order without one), the date of service and line of business
     * decided on, the knowledge version, and the engine's determination (null when none was made: no billing code, or
     * the engine failed and the answer said so).
     */
    record Assertion(String id, String order, String codeSystem, String code, List<String> diagnoses, LocalDate dateOfService,
            LineOfBusiness lineOfBusiness, String knowledgeVersion, Determination determination) {

        /** Copies the diagnoses. */
        public Assertion {
            diagnoses = List.copyOf(diagnoses);
        }
    }
}
