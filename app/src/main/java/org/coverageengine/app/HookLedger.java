package org.coverageengine.app;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.coverageengine.adapter.cdshooks.HookRecorder;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.port.in.RecordDeterminations;
import org.coverageengine.domain.record.AuditOutcome;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.ClientIdentity;
import org.coverageengine.domain.record.PartyReference;
import org.coverageengine.domain.record.PolicyVersionUsed;
import org.coverageengine.domain.record.ProcessingOutcome;
import org.coverageengine.domain.record.RecordedDetermination;
import org.coverageengine.domain.record.RecordedLine;
import org.coverageengine.domain.record.SentResponse;

/**
 * Keeps each CDS Hooks call in the determination record (CRD found-11, found-37): every coverage assertion of the
 * answer as a determination under its coverage-assertion id, holding its line and the whole answer as sent, and the
 * call itself as an audit record about the first of them.
 */
final class HookLedger implements HookRecorder {

    /** The media type a CDS Hooks answer is kept with: JSON, but not a FHIR resource. */
    static final String MEDIA_TYPE = "application/json";
    private static final String OBSERVER = "Coverage Policy Engine (CDS Hooks)";

    private final RecordDeterminations record;
    private final Clock clock;

    HookLedger(RecordDeterminations record, Clock clock) {
        this.record = record;
        this.clock = clock;
    }

    @Override
    public void record(HookExchange exchange) {
        ClientIdentity client = exchange.client() == null ? null : new ClientIdentity(exchange.client(), null);
        Duration took = Duration.between(exchange.received(), clock.instant());
        List<RecordedDetermination> kept = new ArrayList<>();
        for (Assertion assertion : exchange.assertions()) {
            kept.add(determination(exchange, assertion, client, took));
        }
        AuditRecord audit = new AuditRecord(record.newId(), AuditRecord.REST, "operation", "E", exchange.received(), client,
                OBSERVER, AuditOutcome.ofHttpStatus(exchange.status()), kept.isEmpty() ? null : kept.get(0).id(),
                "POST /cds-services/" + exchange.serviceId() + " hook=" + exchange.hook() + " hookInstance=" + exchange.hookInstance()
                        + (kept.size() > 1 ? " assertions=" + String.join(",", exchange.assertionIds()) : ""),
                exchange.status());
        if (kept.isEmpty()) {
            record.audit(audit);
            return;
        }
        for (int i = 1; i < kept.size(); i++) {
            record.keep(kept.get(i));
        }
        record.keep(kept.get(0), audit);
    }

    private static RecordedDetermination determination(HookExchange exchange, Assertion assertion, ClientIdentity client, Duration took) {
        Determination d = assertion.determination();
        List<RecordedLine> lines = d == null ? List.of() : List.of(new RecordedLine(1, d.system() == null ? null : d.system().name(),
                assertion.code(), d.modifiers(), d.requestedUnits(), assertion.diagnoses(), d.outcome(), d.reasons(), d.citations(),
                d.priorAuthorizationRequired()));
        Set<PolicyVersionUsed> policies = new LinkedHashSet<>();
        if (d != null) {
            for (Citation citation : d.citations()) {
                policies.add(new PolicyVersionUsed(citation.policyNumber(), citation.policyVersion()));
            }
        }
        PartyReference patient = exchange.patientId() == null ? PartyReference.none() : new PartyReference("Patient/" + exchange.patientId(), null);
        List<PartyReference> coverages = exchange.coverageReference() == null ? List.of() : List.of(new PartyReference(exchange.coverageReference(), null));
        return new RecordedDetermination(assertion.id(), exchange.received(), client, patient, coverages, assertion.order(),
                assertion.dateOfService(), assertion.lineOfBusiness(), lines, List.copyOf(policies), assertion.knowledgeVersion(), took,
                // An order without a billing code is answered completely; a code without a determination means the engine failed.
                d == null && assertion.code() != null ? ProcessingOutcome.ERROR : ProcessingOutcome.COMPLETE,
                new SentResponse(exchange.answerJson().getBytes(StandardCharsets.UTF_8), MEDIA_TYPE));
    }
}
