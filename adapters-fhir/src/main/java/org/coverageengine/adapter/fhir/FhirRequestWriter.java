package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import java.util.Map;
import org.coverageengine.domain.determination.PaymentTypology;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.RequestedLine;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * Writes a domain request as the CoverageEligibilityRequest that $submit maps back to the same request, so a person
 * who tried a determination on a web page can send the same thing from an EHR or curl.
 */
public final class FhirRequestWriter {

    /** A Source of Payment Typology code per line of business that {@code PaymentTypology} maps back to it. */
    private static final Map<LineOfBusiness, String[]> COVERAGE_TYPES = Map.of(
            LineOfBusiness.COMMERCIAL, new String[] {"5", "Private Health Insurance"},
            LineOfBusiness.MEDICARE, new String[] {"121", "Medicare Fee For Service"},
            LineOfBusiness.MEDICARE_ADVANTAGE, new String[] {"111", "Medicare HMO"},
            LineOfBusiness.MEDICAID, new String[] {"2", "Medicaid"},
            LineOfBusiness.WORKERS_COMPENSATION, new String[] {"95", "Worker's Compensation"},
            LineOfBusiness.AUTO, new String[] {"96", "Auto Insurance (includes no fault)"},
            LineOfBusiness.SELF_PAY, new String[] {"81", "Self-pay"});

    private final FhirContext context;
    private final FhirSettings settings;

    /** A writer using the server's FHIR context and settings (for the criteria CodeSystem's URL). */
    public FhirRequestWriter(FhirContext context, FhirSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** The request as pretty-printed FHIR JSON. */
    public String json(CoverageRequest request) {
        CoverageEligibilityRequest fhir = new CoverageEligibilityRequest();
        fhir.setId("web-try");
        fhir.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
        fhir.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.AUTHREQUIREMENTS);
        fhir.setPatient(new Reference("Patient/example"));
        fhir.setInsurer(new Reference("Organization/payer"));
        fhir.setCreated(new Date());
        if (request.dateOfService() != null) {
            fhir.setServiced(new org.hl7.fhir.r4.model.DateType(request.dateOfService().toString()));
        }
        if (request.lineOfBusiness() != null) {
            String[] type = COVERAGE_TYPES.get(request.lineOfBusiness());
            Coverage coverage = new Coverage();
            coverage.setId("cov");
            coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
            coverage.setType(new CodeableConcept(new Coding(PaymentTypology.SOPT, type[0], type[1])));
            coverage.setBeneficiary(new Reference("Patient/example"));
            coverage.addPayor(new Reference("Organization/payer"));
            fhir.addContained(coverage);
            fhir.addInsurance().setFocal(true).setCoverage(new Reference("#cov"));
        }
        int n = 0;
        for (String criterion : request.attestedCriteria()) {
            n++;
            Observation attestation = new Observation();
            attestation.setId("att" + n);
            attestation.setStatus(Observation.ObservationStatus.FINAL);
            attestation.setCode(new CodeableConcept(new Coding(settings.criteriaCodeSystem(), criterion, null)));
            attestation.setValue(new org.hl7.fhir.r4.model.BooleanType(true));
            fhir.addContained(attestation);
            fhir.addSupportingInfo().setSequence(n).setInformation(new Reference("#att" + n));
        }
        for (RequestedLine line : request.lines()) {
            CoverageEligibilityRequest.DetailsComponent item = fhir.addItem();
            item.setProductOrService(new CodeableConcept(new Coding(procedureSystem(line.procedure()), line.procedure().toString(), null)));
            if (line.quantity() != 1) {
                item.getQuantity().setValue(line.quantity());
            }
            for (String modifier : line.modifiers()) {
                item.addModifier(new CodeableConcept(new Coding(null, modifier, null)));
            }
            for (CodeText dx : line.diagnoses()) {
                item.addDiagnosis().setDiagnosis(new CodeableConcept(new Coding(CodeSystem.ICD10CM.uri(), dx.toString(), null)));
            }
        }
        return context.newJsonParser().setPrettyPrint(true).encodeResourceToString(fhir);
    }

    private static String procedureSystem(CodeText procedure) {
        return procedure.tryParse().map(Code::system).orElse(procedure.toString().matches("[A-Za-z].*") ? CodeSystem.HCPCS : CodeSystem.CPT).uri();
    }

}
