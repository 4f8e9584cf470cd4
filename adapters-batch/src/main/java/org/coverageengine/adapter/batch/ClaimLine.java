package org.coverageengine.adapter.batch;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.coverageengine.domain.determination.LineOfBusiness;

/**
 * One service line of a claim as a batch input states it, with the record number it came from (for error reports
 * and to keep the output in input order), and the patient and setting facts the input may carry.
 */
public record ClaimLine(
        String claimId,
        int line,
        LocalDate dateOfService,
        LineOfBusiness lineOfBusiness,
        String code,
        List<String> modifiers,
        int units,
        List<String> diagnoses,
        List<String> attestations,
        LocalDate patientBirthDate,
        String patientSex,
        String placeOfService,
        String claimType,
        long record) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the lists; the claim id, code and date are required. */
    public ClaimLine {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(dateOfService, "dateOfService");
        modifiers = List.copyOf(modifiers);
        diagnoses = List.copyOf(diagnoses);
        attestations = List.copyOf(attestations);
        patientSex = patientSex == null ? "" : patientSex;
        placeOfService = placeOfService == null ? "" : placeOfService;
        claimType = claimType == null ? "" : claimType;
    }

    /** A copy read from another record (after an on-disk sort, the original record number is kept this way). */
    public ClaimLine atRecord(long number) {
        return new ClaimLine(claimId, line, dateOfService, lineOfBusiness, code, modifiers, units, diagnoses, attestations,
                patientBirthDate, patientSex, placeOfService, claimType, number);
    }
}
