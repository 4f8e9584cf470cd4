package org.coverageengine.adapter.batch;

import java.util.Optional;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.PaymentTypology;

/**
 * Reads a line of business from one coding of {@code Coverage.type}. The batch reader takes it as a parameter so
 * that a test can pass another table; {@link #PAYMENT_TYPOLOGY} is the engine's own.
 */
@FunctionalInterface
public interface CoverageTypeMapping extends java.io.Serializable {

    /** The SOPT code's system, as FHIR names it. */
    String SOPT = "urn:oid:2.16.840.1.113883.3.221.5";

    /** The line of business the coding names, or empty when this mapping does not know it. */
    Optional<LineOfBusiness> lineOfBusiness(String system, String code);

    /** The engine's Source of Payment Typology and ActCode table, the same the FHIR endpoint and CDS Hooks use. */
    CoverageTypeMapping PAYMENT_TYPOLOGY = PaymentTypology::lineOfBusiness;
}
