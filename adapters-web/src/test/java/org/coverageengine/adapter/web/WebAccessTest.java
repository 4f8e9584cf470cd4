package org.coverageengine.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pages' login never stands in front of the machine endpoints that share the server; it does in front of every page. */
class WebAccessTest {

    @ParameterizedTest(name = "{0} -> another endpoint: {1}")
    @CsvSource({
        "/fhir, true", "/fhir/metadata, true", "/fhir/CoverageEligibilityRequest/$submit, true",
        "/.well-known/smart-configuration, true", "/cds-services, true", "/cds-services/order-sign-crd, true",
        "/, false", "/try, false", "/code/S9090, false", "/policies, false", "/determinations, false",
        "/fhirish, false", "/cds-services-evil, false"})
    void machineEndpointsKeepTheirOwnRules(String path, boolean other) {
        assertThat(WebAccess.otherEndpoint(path)).isEqualTo(other);
    }
}
