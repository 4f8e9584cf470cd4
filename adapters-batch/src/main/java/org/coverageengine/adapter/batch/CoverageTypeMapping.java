package org.coverageengine.adapter.batch;

import java.util.Optional;
import org.coverageengine.domain.determination.LineOfBusiness;

/**
 * Reads a line of business from one coding of {@code Coverage.type}. The batch reader takes it as a parameter so
 * that the deployment passes the engine's full Source of Payment Typology table; {@link #SOPT_FAMILIES} reads only the
 * typology's top-level families and is what the reader uses when given nothing else.
 */
@FunctionalInterface
public interface CoverageTypeMapping extends java.io.Serializable {

    /** The SOPT code's system, as FHIR names it. */
    String SOPT = "urn:oid:2.16.840.1.113883.3.221.5";

    /** The line of business the coding names, or empty when this mapping does not know it. */
    Optional<LineOfBusiness> lineOfBusiness(String system, String code);

    /** The Source of Payment Typology's families by leading digit: 1 Medicare (11 Medicare Advantage), 2 Medicaid, 5/6 private. */
    CoverageTypeMapping SOPT_FAMILIES = (system, code) -> {
        if (!SOPT.equals(system) || code == null || code.isEmpty()) {
            return Optional.empty();
        }
        if (code.startsWith("11")) {
            return Optional.of(LineOfBusiness.MEDICARE_ADVANTAGE);
        }
        return switch (code.charAt(0)) {
            case '1' -> Optional.of(LineOfBusiness.MEDICARE);
            case '2' -> Optional.of(LineOfBusiness.MEDICAID);
            case '5', '6' -> Optional.of(LineOfBusiness.COMMERCIAL);
            default -> Optional.empty();
        };
    };
}
