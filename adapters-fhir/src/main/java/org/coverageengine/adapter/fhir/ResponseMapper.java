package org.coverageengine.adapter.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * Maps the domain's decision back to a CoverageEligibilityResponse, one response item per request item, in order.
 *
 * <p>The request was parsed for this one exchange and is dropped after it, so the response shares the request's
 * elements it echoes (service date, product or service, category, modifiers) instead of copying them (copies were 2-3% of a
 * small exchange: HAPI re-parses a date to copy it).
 */
final class ResponseMapper {

    private final FhirSettings settings;
    private final DescribePolicies policies;

    ResponseMapper(FhirSettings settings, DescribePolicies policies) {
        this.settings = settings;
        this.policies = policies;
    }

    CoverageEligibilityResponse toFhir(MappedRequest mapped, CoverageDecision decision) {
        CoverageEligibilityRequest request = mapped.source();
        CoverageEligibilityResponse response = new CoverageEligibilityResponse();
        response.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE);
        if (request.getPurpose().isEmpty()) {
            response.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.BENEFITS);
        }
        for (var purpose : request.getPurpose()) {
            if (purpose.getValue() != null) {
                response.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.fromCode(purpose.getValue().toCode()));
            }
        }
        response.setPatient(echo(request.getPatient(), "patient not identified in the request"));
        response.setCreated(new Date());
        response.setRequest(request.getIdElement().hasIdPart()
                ? new Reference("CoverageEligibilityRequest/" + request.getIdElement().getIdPart())
                : new Reference().setDisplay("the submitted CoverageEligibilityRequest"));
        response.setInsurer(echo(request.getInsurer(), settings.payerName()));
        if (request.hasServiced()) {
            response.setServiced(request.getServiced());
        }

        CoverageEligibilityResponse.InsuranceComponent insurance = response.addInsurance();
        Reference coverage = request.getInsurance().isEmpty() ? null : request.getInsurance().get(0).getCoverage();
        insurance.setCoverage(coverage == null || coverage.isEmpty() ? new Reference().setDisplay("no Coverage in the request")
                : echo(coverage, "the Coverage contained in the request"));
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        int notEvaluated = 0;
        for (int i = 0; i < request.getItem().size(); i++) {
            CoverageEligibilityRequest.DetailsComponent in = request.getItem().get(i);
            CoverageEligibilityResponse.ItemsComponent out = insurance.addItem();
            if (in.hasCategory()) {
                out.setCategory(in.getCategory());
            }
            if (in.hasProductOrService()) {
                out.setProductOrService(in.getProductOrService());
            }
            in.getModifier().forEach(out::addModifier);
            int line = mapped.lineOfItem()[i];
            if (line < 0) {
                notEvaluated++;
                out.setDescription("Not evaluated: this item asks about a benefit category without a product or service code; "
                        + "the engine decides coverage for CPT and HCPCS procedure codes.");
                out.addExtension(determination(Outcome.NO_POLICY));
                continue;
            }
            Determination d = decision.determinations().get(line);
            counts.merge(d.outcome(), 1, Integer::sum);
            fill(out, d);
            if (d.outcome() == Outcome.INVALID) {
                response.addError().setCode(new CodeableConcept().addCoding(new Coding(settings.determinationCodeSystem(), "invalid", "Invalid"))
                        .setText(mapped.path() + ".item[" + i + "] (" + d.code() + "): " + d.explanation()));
            }
        }
        int evaluated = 0;
        for (int n : counts.values()) {
            evaluated += n;
        }
        int invalid = counts.getOrDefault(Outcome.INVALID, 0);
        response.setOutcome(invalid == 0 ? Enumerations.RemittanceOutcome.COMPLETE
                : invalid == evaluated ? Enumerations.RemittanceOutcome.ERROR : Enumerations.RemittanceOutcome.PARTIAL);
        response.setDisposition(disposition(counts, notEvaluated, decision, mapped.notices()));
        if (decision != null) {
            response.addExtension(new Extension(settings.knowledgeVersionExtension(), new StringType(decision.knowledgeVersion())));
        }
        return response;
    }

    private void fill(CoverageEligibilityResponse.ItemsComponent out, Determination d) {
        if (d.display() != null) {
            out.setName(d.display());
        }
        d.outcome().excluded().ifPresent(out::setExcluded);
        out.setDescription(d.explanation() + citations(d.citations()));
        if (d.priorAuthorizationRequired()) {
            out.setAuthorizationRequired(true);
        }
        for (Criterion criterion : d.criteria()) {
            out.addAuthorizationSupporting(new CodeableConcept()
                    .addCoding(new Coding(settings.criteriaCodeSystem(), criterion.code(), null))
                    .setText(criterion.text() + " [" + criterion.requirement() + (criterion.attested() ? "; attested" : "") + "]"));
        }
        policyUrl(d.citations()).ifPresent(out::setAuthorizationUrl);
        if (d.allowedUnits() != null) {
            out.addBenefit().setType(new CodeableConcept().setText(unitsLimitedBy(d)))
                    .setAllowed(new UnsignedIntType(d.allowedUnits()))
                    .setUsed(new UnsignedIntType(d.requestedUnits()));
        }
        out.addExtension(determination(d.outcome()));
    }

    /** What the allowed units are per, in the words of the policy statement or edit that limited them. */
    private static String unitsLimitedBy(Determination d) {
        return d.allowedUnitsBasis() == null ? "Units allowed" : d.allowedUnitsBasis();
    }

    private Extension determination(Outcome outcome) {
        return new Extension(settings.determinationExtension(), new Coding(settings.determinationCodeSystem(), outcome.code(), outcome.display()));
    }

    private static String citations(List<Citation> citations) {
        if (citations.isEmpty()) {
            return "";
        }
        List<String> cited = new ArrayList<>();
        for (Citation citation : citations) {
            cited.add(citation.describe());
        }
        return " Citations: " + String.join("; ", cited) + ".";
    }

    private Optional<String> policyUrl(List<Citation> citations) {
        for (Citation citation : citations) {
            Optional<Policy> policy = policies.describe(citation.policyNumber());
            if (policy.isPresent() && policy.get().url() != null) {
                return Optional.of(policy.get().url());
            }
        }
        return Optional.empty();
    }

    private static String disposition(Map<Outcome, Integer> counts, int notEvaluated, CoverageDecision decision, List<String> notices) {
        List<String> parts = new ArrayList<>();
        counts.forEach((outcome, n) -> parts.add(n + " " + outcome.code()));
        if (notEvaluated > 0) {
            parts.add(notEvaluated + " not evaluated (category only)");
        }
        StringBuilder text = new StringBuilder(parts.isEmpty() ? "No items to evaluate." : "Items: " + String.join(", ", parts) + ".");
        if (decision != null) {
            text.append(" Date of service ").append(decision.dateOfService()).append(", line of business ")
                    .append(decision.lineOfBusiness().code()).append('.');
            decision.notices().forEach(n -> text.append(' ').append(n));
            text.append(" Knowledge ").append(decision.knowledgeVersion()).append('.');
        }
        notices.forEach(n -> text.append(' ').append(n));
        return text.toString();
    }

    /** Copies a reference for the response; local ('#x') references would dangle there, so only their display is kept. */
    private static Reference echo(Reference reference, String fallback) {
        if (reference == null || reference.isEmpty()) {
            return new Reference().setDisplay(fallback);
        }
        if (reference.hasReference() && reference.getReference().startsWith("#")) {
            return new Reference().setDisplay(reference.hasDisplay() ? reference.getDisplay() : fallback);
        }
        Reference copy = new Reference();
        if (reference.hasReference()) {
            copy.setReference(reference.getReference());
        }
        if (reference.hasIdentifier()) {
            copy.setIdentifier(reference.getIdentifier().copy());
        }
        if (reference.hasDisplay()) {
            copy.setDisplay(reference.getDisplay());
        }
        if (copy.isEmpty()) {
            copy.setDisplay(fallback);
        }
        return copy;
    }

}
