package org.coverageengine.adapter.fhir;

import org.coverageengine.domain.code.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Reference;

/** Test helper: builds CoverageEligibilityRequests line by line, as an EHR would. */
final class Requests {

    private Requests() {
    }

    /** A request for 2025-03-10 with lines "CODE[:DX,DX]". */
    static CoverageEligibilityRequest request(String... lines) {
        CoverageEligibilityRequest request = new CoverageEligibilityRequest();
        request.setId("req-1");
        request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
        request.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.AUTHREQUIREMENTS);
        request.setPatient(new Reference("Patient/example"));
        request.setCreated(new java.util.Date());
        request.setInsurer(new Reference("Organization/payer"));
        request.setServiced(new DateType("2025-03-10"));
        for (String line : lines) {
            String[] parts = line.split(":", 2);
            String code = parts[0];
            CodeSystem system = Character.isLetter(code.charAt(0)) ? CodeSystem.HCPCS : CodeSystem.CPT;
            CoverageEligibilityRequest.DetailsComponent item = request.addItem();
            item.setProductOrService(new CodeableConcept().addCoding(new Coding(system.uri(), code, null)));
            if (parts.length > 1) {
                for (String dx : parts[1].split(",")) {
                    item.addDiagnosis().setDiagnosis(new CodeableConcept().addCoding(new Coding(CodeSystem.ICD10CM.uri(), dx, null)));
                }
            }
        }
        return request;
    }

    /** Adds a contained Coverage with the given type coding and points the request's insurance at it. */
    static CoverageEligibilityRequest withCoverageType(CoverageEligibilityRequest request, String system, String code) {
        Coverage coverage = new Coverage();
        coverage.setId("cov");
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        coverage.setBeneficiary(new Reference("Patient/example"));
        coverage.addPayor(new Reference("Organization/payer"));
        coverage.setType(new CodeableConcept().addCoding(new Coding(system, code, null)));
        request.addContained(coverage);
        request.addInsurance().setFocal(true).setCoverage(new Reference("#cov"));
        return request;
    }
}
