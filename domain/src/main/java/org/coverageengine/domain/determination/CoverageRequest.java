package org.coverageengine.domain.determination;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A question to the engine: the date of service and line of business (either may be absent, and the answer
 * then says what it assumed), the lines in request order, the criteria the requester attests as met, what the request
 * says about the patient, and the CMS place-of-service code (absent when not given).
 */
public record CoverageRequest(LocalDate dateOfService, LineOfBusiness lineOfBusiness, List<RequestedLine> lines,
        Set<String> attestedCriteria, PatientFacts patient, String placeOfService) {

    /** Copies the collections; a request needs at least one line. */
    public CoverageRequest {
        patient = patient == null ? PatientFacts.UNKNOWN : patient;
        placeOfService = placeOfService == null || placeOfService.isBlank() ? null : placeOfService.strip();
        lines = lines == null ? ImmutableList.of() : ImmutableList.copyOf(lines);
        attestedCriteria = attestedCriteria == null ? ImmutableSet.of() : ImmutableSet.copyOf(attestedCriteria);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a coverage request needs at least one line");
        }
    }

    /** A request that says nothing about the patient or the place of service. */
    public CoverageRequest(LocalDate dateOfService, LineOfBusiness lineOfBusiness, List<RequestedLine> lines, Set<String> attestedCriteria) {
        this(dateOfService, lineOfBusiness, lines, attestedCriteria, PatientFacts.UNKNOWN, null);
    }

    /** A request with no attestations. */
    public static CoverageRequest of(LocalDate date, LineOfBusiness lob, RequestedLine... lines) {
        return new CoverageRequest(date, lob, ImmutableList.copyOf(lines), ImmutableSet.of());
    }

    /** A copy with the given criteria attested. */
    public CoverageRequest attesting(Set<String> criteria) {
        return new CoverageRequest(dateOfService, lineOfBusiness, lines, criteria, patient, placeOfService);
    }

    /** A copy with the patient's facts and the place of service. */
    public CoverageRequest about(PatientFacts facts, String place) {
        return new CoverageRequest(dateOfService, lineOfBusiness, lines, attestedCriteria, facts, place);
    }
}
