package org.coverageengine.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.coverageengine.domain.determination.PaymentTypology;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Coverage.type read over $submit through the domain's payment typology table. */
class CoverageTypeOverSubmitTest {

    static final String SOPT = PaymentTypology.SOPT;
    static final String ACT = PaymentTypology.ACT_CODE;

    @ParameterizedTest(name = "{0}|{1} -> {2}")
    @CsvSource({SOPT + ",311,commercial,SOPT 311 (TRICARE) is not mapped", SOPT + ",3,commercial,SOPT 3 (",
            SOPT + ",82,commercial,SOPT 82 (No Charge)", SOPT + ",3712,commercial,SOPT 3712 (PPO)",
            ACT + ",PUBLICPOL,commercial,v3 ActCode PUBLICPOL", SOPT + ",96,auto,line of business auto",
            SOPT + ",113,medicare-advantage,line of business medicare-advantage"})
    @DisplayName("over $submit: the disposition says the line of business used, and never that none was given")
    void overSubmit(String system, String code, String lob, String says) {
        CoverageEligibilityResponse response = RunningServer.postJson(Requests.withCoverageType(Requests.request("S9090"), system, code))
                .as(CoverageEligibilityResponse.class);
        assertThat(response.getDisposition()).contains("line of business " + lob).contains(says).doesNotContain("No line of business was given");
    }
}
