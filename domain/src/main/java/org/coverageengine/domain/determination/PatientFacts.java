package org.coverageengine.domain.determination;

import java.time.LocalDate;
import java.time.Period;

/**
 * What a request says about its patient that a policy may ask about: an identifier (for the patient's history), the
 * birth date or an age in years, and the sex. Every part may be absent; a condition on an absent fact is reported as not
 * evaluated, never guessed.
 */
public record PatientFacts(String id, LocalDate birthDate, Integer age, Sex sex) {

    /** Nothing is known about the patient. */
    public static final PatientFacts UNKNOWN = new PatientFacts(null, null, null, null);

    /** Validates that a given age is 0 to 150 years. */
    public PatientFacts {
        if (age != null && (age < 0 || age > 150)) {
            throw new IllegalArgumentException("a patient's age is 0 to 150 years, was " + age);
        }
    }

    /** The patient's age in whole years on the date (from the birth date when given, else the stated age), or null. */
    public Integer ageOn(LocalDate date) {
        if (birthDate != null && date != null && !birthDate.isAfter(date)) {
            return Period.between(birthDate, date).getYears();
        }
        return age;
    }
}
