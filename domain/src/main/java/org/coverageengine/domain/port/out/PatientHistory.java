package org.coverageengine.domain.port.out;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.coverageengine.domain.code.Code;

/**
 * What the engine may ask about a patient's earlier services, for limits per period ("4 sessions per rolling 12
 * months"). An empty answer means the history is not known (no source, or not this patient): the engine then lists the
 * limit as a criterion to document instead of guessing.
 */
public interface PatientHistory {

    /** No history source: every question is answered "not known". */
    PatientHistory NONE = (patient, codes, from, to) -> OptionalInt.empty();

    /**
     * On how many dates of service from {@code from} to {@code to} (both inclusive) the patient received a service whose
     * code the predicate accepts, or empty when not known.
     */
    OptionalInt servicesBetween(String patientId, Predicate<Code> codes, LocalDate from, LocalDate to);
}
