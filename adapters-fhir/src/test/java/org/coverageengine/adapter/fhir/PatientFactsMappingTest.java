package org.coverageengine.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.PatientFacts;
import org.coverageengine.domain.determination.Sex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The patient's birth date and gender and the CMS place of service travel from a $submit body into the domain request. */
class PatientFactsMappingTest {

    private static final String POS = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

    static String request(String contained, String patient, String facility, String itemFacility) {
        return "{\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"active\",\"purpose\":[\"validation\"],"
                + "\"contained\":[" + contained + "],"
                + "\"patient\":{\"reference\":\"" + patient + "\"},\"created\":\"2025-03-10\",\"servicedDate\":\"2025-03-10\","
                + (facility == null ? "" : "\"facility\":{\"reference\":\"" + facility + "\"},")
                + "\"insurer\":{\"display\":\"x\"},"
                + "\"item\":[{\"productOrService\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"63030\"}]}"
                + (itemFacility == null ? "" : ",\"facility\":{\"reference\":\"" + itemFacility + "\"}") + "}]}";
    }

    static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p\",\"birthDate\":\"1955-03-11\",\"gender\":\"female\"}";
    static final String LOCATION = "{\"resourceType\":\"Location\",\"id\":\"loc\",\"type\":[{\"coding\":[{\"system\":\"" + POS
            + "\",\"code\":\"22\"}]}]}";

    record Case(String name, String json, PatientFacts patient, String place) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> mapping() {
        return Stream.of(
                new Case("contained Patient and request facility", request(PATIENT + "," + LOCATION, "#p", "#loc", null),
                        new PatientFacts("#p", LocalDate.of(1955, 3, 11), null, Sex.FEMALE), "22"),
                new Case("item facility when the request has none", request(PATIENT + "," + LOCATION, "#p", null, "#loc"),
                        new PatientFacts("#p", LocalDate.of(1955, 3, 11), null, Sex.FEMALE), "22"),
                new Case("an external Patient: only its reference", request(LOCATION, "Patient/123", null, null),
                        new PatientFacts("Patient/123", null, null, null), null),
                new Case("gender unknown is a missing fact", request(PATIENT.replace("female", "unknown"), "#p", null, null),
                        new PatientFacts("#p", LocalDate.of(1955, 3, 11), null, null), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void mapping(Case c) {
        CoverageRequest request = new FhirRequestReader(FhirSettings.DEFAULTS).read(c.json()).request().orElseThrow();

        assertThat(request.patient()).isEqualTo(c.patient());
        assertThat(request.placeOfService()).isEqualTo(c.place());
    }
}
