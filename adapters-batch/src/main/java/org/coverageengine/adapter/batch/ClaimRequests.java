package org.coverageengine.adapter.batch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.PatientFacts;
import org.coverageengine.domain.determination.Sex;
import org.coverageengine.domain.determination.RequestedLine;

/** Turns a batch claim into the domain's request: the claim's lines in input order, attestations of any line for all. */
public final class ClaimRequests {

    private ClaimRequests() {
    }

    /** The request the claim asks; the claim must have at least one line. */
    public static CoverageRequest toRequest(Claim claim) {
        List<RequestedLine> lines = new ArrayList<>(claim.lines().size());
        Set<String> attested = new LinkedHashSet<>();
        for (ClaimLine line : claim.lines()) {
            List<CodeText> diagnoses = new ArrayList<>(line.diagnoses().size());
            for (String diagnosis : line.diagnoses()) {
                diagnoses.add(CodeText.diagnosis(diagnosis));
            }
            lines.add(new RequestedLine(line.line(), CodeText.procedure(line.code()), line.units(), line.modifiers(), diagnoses));
            attested.addAll(line.attestations());
        }
        ClaimLine first = claim.lines().get(0);
        return withPatientAndSetting(new CoverageRequest(first.dateOfService(), first.lineOfBusiness(), lines, attested), first);
    }

    /**
     * Where the claim's patient and setting (birth date, sex and place of service, read and checked by the readers)
     * join the request, for the rules that ask about them. The claim type has no rule that reads it; it stays in the
     * batch record.
     */
    static CoverageRequest withPatientAndSetting(CoverageRequest request, ClaimLine first) {
        Sex sex = Sex.parse(first.patientSex()).orElse(null);
        if (first.patientBirthDate() == null && sex == null && first.placeOfService().isEmpty()) {
            return request;
        }
        return request.about(new PatientFacts(null, first.patientBirthDate(), null, sex), first.placeOfService());
    }
}
