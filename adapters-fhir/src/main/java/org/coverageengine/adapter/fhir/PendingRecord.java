package org.coverageengine.adapter.fhir;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.record.ClientIdentity;
import org.coverageengine.domain.record.Identifier;
import org.coverageengine.domain.record.PartyReference;
import org.coverageengine.domain.record.PolicyVersionUsed;
import org.coverageengine.domain.record.ProcessingOutcome;
import org.coverageengine.domain.record.RecordedDetermination;
import org.coverageengine.domain.record.RecordedLine;
import org.coverageengine.domain.record.SentResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * A determination made and mapped, waiting for the bytes it will be sent as: the last step before the record is kept
 * (the response is released only once it is).
 */
record PendingRecord(String id, Instant created, PartyReference patient, List<PartyReference> coverages, String requestReference,
        CoverageDecision decision, List<RecordedLine> lines, Duration took, ProcessingOutcome processingOutcome) {

    /** The request attribute a $submit leaves its pending record under, for the response filter. */
    static final String ATTRIBUTE = PendingRecord.class.getName();

    static PendingRecord of(String id, Instant created, MappedRequest mapped, CoverageDecision decision, CoverageEligibilityResponse response,
            Duration took) {
        CoverageEligibilityRequest request = mapped.source();
        List<PartyReference> coverages = new ArrayList<>();
        for (CoverageEligibilityRequest.InsuranceComponent insurance : request.getInsurance()) {
            if (insurance.hasCoverage()) {
                coverages.add(party(insurance.getCoverage()));
            }
        }
        List<RecordedLine> lines = new ArrayList<>();
        if (decision != null) {
            for (int line : mapped.lineOfItem()) {
                if (line < 0) {
                    continue;
                }
                Determination d = decision.determinations().get(line);
                RequestedLine asked = mapped.request().lines().get(line);
                List<String> diagnoses = new ArrayList<>();
                for (CodeText dx : asked.diagnoses()) {
                    diagnoses.add(dx.text());
                }
                lines.add(new RecordedLine(asked.sequence(), d.system() == null ? null : d.system().name(), asked.procedure().text(),
                        asked.modifiers(), asked.quantity(), diagnoses, d.outcome(), d.reasons(), d.citations(), d.priorAuthorizationRequired()));
            }
        }
        String requestReference = request.getIdElement().hasIdPart() ? "CoverageEligibilityRequest/" + request.getIdElement().getIdPart() : null;
        ProcessingOutcome outcome = ProcessingOutcome.fromCode(response.getOutcome().toCode()).orElse(ProcessingOutcome.ERROR);
        return new PendingRecord(id, created, party(request.getPatient()), coverages, requestReference, decision, lines, took, outcome);
    }

    private static PartyReference party(Reference reference) {
        if (reference == null || reference.isEmpty()) {
            return PartyReference.none();
        }
        Identifier identifier = reference.hasIdentifier() && reference.getIdentifier().hasValue()
                ? new Identifier(reference.getIdentifier().getSystem(), reference.getIdentifier().getValue()) : null;
        return new PartyReference(reference.hasReference() ? reference.getReference() : null, identifier);
    }

    /** The record, now that the answer's bytes and media type are known. */
    RecordedDetermination complete(ClientIdentity client, byte[] body, String mediaType) {
        Set<PolicyVersionUsed> policies = new LinkedHashSet<>();
        for (RecordedLine line : lines) {
            for (Citation citation : line.citations()) {
                policies.add(new PolicyVersionUsed(citation.policyNumber(), citation.policyVersion()));
            }
        }
        return new RecordedDetermination(id, created, client, patient, coverages, requestReference,
                decision == null ? null : decision.dateOfService(), decision == null ? null : decision.lineOfBusiness(), lines,
                List.copyOf(policies), decision == null ? null : decision.knowledgeVersion(), took, processingOutcome,
                new SentResponse(body, mediaType));
    }
}
