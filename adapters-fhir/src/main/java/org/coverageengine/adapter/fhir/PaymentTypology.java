package org.coverageengine.adapter.fhir;

import java.util.Locale;
import java.util.Optional;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.hl7.fhir.r4.model.Coding;

/**
 * The codings of {@code Coverage.type} the engine reads as a line of business: the Source of Payment Typology
 * (PHDSC/NAHDO), v3 ActCode policy types and HL7's coverage-selfpay code.
 */
final class PaymentTypology {

    static final String SOPT = "urn:oid:2.16.840.1.113883.3.221.5";
    static final String SOPT_URL = "https://nahdo.org/sopt";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String SELF_PAY = "http://terminology.hl7.org/CodeSystem/coverage-selfpay";

    private PaymentTypology() {
    }

    /** The line of business a coding names, or empty when the engine does not map it. */
    static Optional<LineOfBusiness> lineOfBusiness(Coding coding) {
        String system = coding.getSystem() == null ? "" : coding.getSystem();
        String code = coding.getCode() == null ? "" : coding.getCode().strip();
        if (system.equals(SOPT) || system.equals(SOPT_URL) || system.equals("http://nahdo.org/sopt")) {
            if (code.startsWith("11")) {
                return Optional.of(LineOfBusiness.MEDICARE_ADVANTAGE);
            }
            if (code.startsWith("1")) {
                return Optional.of(LineOfBusiness.MEDICARE);
            }
            if (code.startsWith("2")) {
                return Optional.of(LineOfBusiness.MEDICAID);
            }
            if (code.startsWith("5") || code.startsWith("6") || code.startsWith("7")) {
                return Optional.of(LineOfBusiness.COMMERCIAL);
            }
            if (code.startsWith("95")) {
                return Optional.of(LineOfBusiness.WORKERS_COMPENSATION);
            }
            if (code.equals("96")) {
                return Optional.of(LineOfBusiness.AUTO);
            }
            if (code.startsWith("81")) {
                return Optional.of(LineOfBusiness.SELF_PAY);
            }
            return Optional.empty();
        }
        if (system.equals(ACT_CODE)) {
            switch (code.toUpperCase(Locale.ROOT)) {
                case "WCBPOL":
                    return Optional.of(LineOfBusiness.WORKERS_COMPENSATION);
                case "AUTOPOL":
                    return Optional.of(LineOfBusiness.AUTO);
                default:
                    return Optional.empty();
            }
        }
        if (system.equals(SELF_PAY) && code.equals("pay")) {
            return Optional.of(LineOfBusiness.SELF_PAY);
        }
        return Optional.empty();
    }
}
