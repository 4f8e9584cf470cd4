package org.coverageengine.domain.determination;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Coverage.type to line of business, by the Source of Payment Typology's leading digits and v3 ActCode. */
class PaymentTypologyTest {

    static final String SOPT = PaymentTypology.SOPT;
    static final String ACT = PaymentTypology.ACT_CODE;

    @ParameterizedTest(name = "{0}|{1} -> {2}")
    @CsvSource({
            SOPT + ",1,MEDICARE", SOPT + ",12,MEDICARE", SOPT + ",121,MEDICARE", SOPT + ",19,MEDICARE",
            SOPT + ",11,MEDICARE_ADVANTAGE", SOPT + ",111,MEDICARE_ADVANTAGE", SOPT + ",113,MEDICARE_ADVANTAGE",
            SOPT + ",2,MEDICAID", SOPT + ",21,MEDICAID", SOPT + ",25,MEDICAID",
            SOPT + ",5,COMMERCIAL", SOPT + ",511,COMMERCIAL", SOPT + ",6,COMMERCIAL", SOPT + ",7,COMMERCIAL",
            SOPT + ",81,SELF_PAY", SOPT + ",95,WORKERS_COMPENSATION", SOPT + ",951,WORKERS_COMPENSATION",
            SOPT + ",96,AUTO", SOPT + ",961,AUTO",
            "https://nahdo.org/sopt,96,AUTO", "http://nahdo.org/sopt,2,MEDICAID",
            ACT + ",WCBPOL,WORKERS_COMPENSATION", ACT + ",AUTOPOL,AUTO", ACT + ",autopol,AUTO",
            "http://terminology.hl7.org/CodeSystem/coverage-selfpay,pay,SELF_PAY"})
    @DisplayName("mapped codes")
    void mapped(String system, String code, LineOfBusiness expected) {
        assertThat(PaymentTypology.lineOfBusiness(system, code)).contains(expected);
    }

    @ParameterizedTest(name = "{0}|{1}: {2}")
    @CsvSource(delimiter = ';', value = {
            SOPT + ";3;SOPT 3 (Other Government (Federal/State/Local) (excluding Department of Corrections))",
            SOPT + ";311;SOPT 311 (TRICARE)",
            SOPT + ";3712;SOPT 3712 (PPO)",
            SOPT + ";4;SOPT 4 (Departments of Corrections)",
            SOPT + ";82;SOPT 82 (No Charge)",
            SOPT + ";89;SOPT 89 (No Payment, Other)",
            SOPT + ";8;SOPT 8 (No Payment from an Organization/Agency/Program/Private Payer Listed)",
            SOPT + ";9;SOPT 9 (Miscellaneous/Other)",
            SOPT + ";97;SOPT 97 (Legal Liability / Liability Insurance)",
            SOPT + ";99;SOPT 99 (No Typology Code available for payment source)",
            SOPT + ";3999;SOPT 3999",
            ACT + ";PUBLICPOL;v3 ActCode PUBLICPOL (public healthcare)",
            ACT + ";PPO;v3 ActCode PPO (preferred provider organization policy)",
            ACT + ";HMO;v3 ActCode HMO (health maintenance organization policy)"})
    @DisplayName("valid codes outside the mapping get a notice naming the code given")
    void unmapped(String system, String code, String named) {
        assertThat(PaymentTypology.lineOfBusiness(system, code)).isEmpty();
        assertThat(PaymentTypology.knows(system)).isTrue();
        assertThat(PaymentTypology.unmappedNotice(system, code)).isEqualTo("Coverage type " + named
                + " is not mapped to a line of business: COMMERCIAL assumed.");
    }
}
