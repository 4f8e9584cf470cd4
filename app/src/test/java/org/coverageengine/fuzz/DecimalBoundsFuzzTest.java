package org.coverageengine.fuzz;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.DecimalBounds;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The number bounds: they refuse only with their 400 (a short diagnostic), and a body they accept holds no decimal
 * whose plain form is longer than a 32-digit number with an exponent of ±100 has.
 */
class DecimalBoundsFuzzTest {

    private static final FhirContext FHIR = CoverageFhirServer.fhirContext();
    /** The bounds as stated in docs/security.md. */
    private static final int DIGITS = 32;
    private static final int EXPONENT = 100;

    @FuzzTest(maxDuration = "10m")
    void decimals(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        EncodingEnum encoding = body.stripLeading().startsWith("<") ? EncodingEnum.XML : EncodingEnum.JSON;
        try {
            DecimalBounds.check(body, encoding);
        } catch (BaseServerResponseException refused) {
            String diagnostics = ((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep().getDiagnostics();
            if (refused.getStatusCode() != 400 || diagnostics == null || diagnostics.isBlank() || diagnostics.length() > 600) {
                throw new AssertionError("a refusal must be a short 400: " + refused.getStatusCode() + " " + diagnostics, refused);
            }
            return;
        }
        IBaseResource resource;
        try {
            if (body.contains("<!")) {
                return;
            }
            IParser parser = encoding == EncodingEnum.XML ? FHIR.newXmlParser() : FHIR.newJsonParser();
            parser.setParserErrorHandler(new LenientErrorHandler(false));
            resource = parser.parseResource(body);
        } catch (RuntimeException unreadable) {
            return;
        }
        for (DecimalType decimal : FHIR.newTerser().getAllPopulatedChildElementsOfType(resource, DecimalType.class)) {
            BigDecimal value = decimal.getValue();
            if (value == null) {
                continue;
            }
            // HAPI keeps decimals in plain form; within the bounds that form has at most sign, "0.", 100 zeros and 32 digits.
            long adjustedExponent = (long) value.precision() - value.scale() - 1;
            if (Math.abs(adjustedExponent) > EXPONENT + DIGITS || value.precision() > EXPONENT + DIGITS + 1) {
                throw new AssertionError("an accepted body holds the decimal " + value.toString().substring(0, Math.min(40, value.toString().length())));
            }
        }
    }
}
