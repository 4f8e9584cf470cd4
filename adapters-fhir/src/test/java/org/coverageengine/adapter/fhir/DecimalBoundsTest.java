package org.coverageengine.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers too large to parse safely are refused before HAPI sees them; ordinary FHIR decimals and text pass. */
class DecimalBoundsTest {

    private static String jsonQuantity(String number) {
        return "{\"resourceType\":\"CoverageEligibilityRequest\",\"item\":[{\"quantity\":{\"value\":" + number + "}}]}";
    }

    private static String xmlQuantity(String number) {
        return "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><item><quantity><value value=\"" + number
                + "\"/></quantity></item></CoverageEligibilityRequest>";
    }

    private static BaseServerResponseException refusal(String body, EncodingEnum encoding) {
        return catchThrowableOfType(() -> DecimalBounds.check(body, encoding), BaseServerResponseException.class);
    }

    private static String jsonStringQuantity(String number) {
        return jsonQuantity("\"" + number + "\"");
    }

    @ParameterizedTest(name = "{0} is refused ({1})")
    @CsvSource({
            "1e1000000, huge positive exponent, true",
            "-1E-999999, huge negative exponent, true",
            "1e1000000000, exponent beyond an int, true",
            "1e101, just beyond the exponent bound, true",
            "1E+00000000000000000000000000000000000000101, exponent with leading zeros, true",
            "0.000000000000000000000000000000000001, 37 digits after the point, true",
            "12345678901234567890123456789012345, 35 digits, false"})
    void refused(String number, String why, boolean alsoAsText) {
        List<String> bodies = new ArrayList<>(List.of(jsonQuantity(number)));
        if (alsoAsText) {
            bodies.add(jsonStringQuantity(number));
            bodies.add(xmlQuantity(number));
        }
        for (String body : bodies) {
            EncodingEnum encoding = body.startsWith("<") ? EncodingEnum.XML : EncodingEnum.JSON;
            BaseServerResponseException e = refusal(body, encoding);
            assertThat(e).as(why + " in " + body).isNotNull();
            assertThat(e.getStatusCode()).isEqualTo(400);
            String diagnostics = ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics();
            assertThat(diagnostics).contains("line 1, column").contains("value").doesNotContain(number.length() > 20 ? number : "\u0000");
            assertThat(diagnostics.length()).isLessThan(400);
        }
    }

    @ParameterizedTest(name = "a run of {0} digits as text (an identifier's shape) is accepted up to 1,000 digits")
    @ValueSource(ints = {35, 1000})
    void longDigitTextIsAnIdentifierShape(int digits) {
        String id = "7".repeat(digits);
        assertThatCode(() -> DecimalBounds.check(jsonStringQuantity(id), EncodingEnum.JSON)).doesNotThrowAnyException();
        assertThatCode(() -> DecimalBounds.check(xmlQuantity(id), EncodingEnum.XML)).doesNotThrowAnyException();
        assertThat(refusal(jsonStringQuantity("7".repeat(1001)), EncodingEnum.JSON)).isNotNull();
        assertThat(refusal(xmlQuantity("7".repeat(1001)), EncodingEnum.XML)).isNotNull();
    }

    @ParameterizedTest(name = "{0} is accepted")
    @CsvSource({"0.1", "1e2", "1", "-0.5", "12345678901234567890123456789012", "1e100", "1E-100", "99999999999999999.9"})
    void accepted(String number) {
        assertThatCode(() -> DecimalBounds.check(jsonQuantity(number), EncodingEnum.JSON)).doesNotThrowAnyException();
        assertThatCode(() -> DecimalBounds.check(xmlQuantity(number), EncodingEnum.XML)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "text {0} is not a number")
    @CsvSource({
            "'{\"note\":\"dose 1e1000000 mg\"}'",
            "'{\"text\":\"he said \\\"1e1000000\\\" twice\",\"n\":1}'",
            "'{\"1e1000000\":true}'",
            "'{\"id\":\"12345678901234567890123456789012345678901234567890\"}'",
            "'{\"text\":\"1e1000000 and more\"}'"})
    void jsonStringsAreNotNumbers(String body) {
        assertThatCode(() -> DecimalBounds.check(body, EncodingEnum.JSON)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "XML {0} is not a numeric value attribute")
    @CsvSource({
            "'<identifier><value value=\"MBR-1e1000000\"/></identifier>'",
            "'<coding><code value=\"1e1000000x\"/></coding>'",
            "'<div xmlns=\"http://www.w3.org/1999/xhtml\">1e1000000</div>'",
            "'<x othervalue=\"1e1000000\"/>'"})
    void xmlTextIsNotANumber(String body) {
        assertThatCode(() -> DecimalBounds.check(body, EncodingEnum.XML)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a number spelled with XML character references is still a number (parsers resolve them without a DTD)")
    void characterReferences() {
        assertThat(refusal(xmlQuantity("1&#101;1000000"), EncodingEnum.XML)).isNotNull();
        assertThat(refusal(xmlQuantity("&#x31;E&#x2d;999999"), EncodingEnum.XML)).isNotNull();
    }

    @Test
    @DisplayName("a character reference beyond Unicode is left to the parser, not a crash (a Jazzer finding)")
    void invalidCharacterReference() {
        assertThatCode(() -> DecimalBounds.check(xmlQuantity("1&#10561011;5"), EncodingEnum.XML)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a long run of digits under a name that is never a decimal (a code) is left to the mapper, which calls it invalid")
    void longCodes() {
        String code = "9".repeat(10_000);
        assertThatCode(() -> DecimalBounds.check("{\"coding\":[{\"code\":\"" + code + "\"}]}", EncodingEnum.JSON)).doesNotThrowAnyException();
        assertThatCode(() -> DecimalBounds.check("<coding><code value=\"" + code + "\"/></coding>", EncodingEnum.XML)).doesNotThrowAnyException();
        assertThat(refusal("{\"coding\":[{\"code\":\"" + code + "e5\"}]}", EncodingEnum.JSON)).as("a number shape is still bounded").isNotNull();
    }

    @Test
    @DisplayName("a decimal spelled with JSON escapes inside a string is still a number (HAPI reads decimals given as strings)")
    void jsonEscapes() {
        assertThat(refusal(jsonStringQuantity("\\u0031e1000000"), EncodingEnum.JSON)).isNotNull();
    }

    @Test
    @DisplayName("digits of other scripts count: BigDecimal reads them")
    void unicodeDigits() {
        assertThat(refusal(xmlQuantity("1e\u0661\u0660\u0660\u0660\u0660\u0660\u0660"), EncodingEnum.XML)).isNotNull();
    }

    @Test
    @DisplayName("the refusal names the line, column and key, and quotes at most 20 characters of the number")
    void diagnostics() {
        String body = "{\n  \"resourceType\": \"CoverageEligibilityRequest\",\n  \"item\": [{\"quantity\": {\"value\": 1e50000000}}]\n}";
        String diagnostics = ((OperationOutcome) refusal(body, EncodingEnum.JSON).getOperationOutcome()).getIssueFirstRep().getDiagnostics();
        assertThat(diagnostics).contains("1e50000000").contains("line 3, column 35").contains("(in \"value\")");
        String long35 = "123456789012345678901234567890123456";
        String quoted = ((OperationOutcome) refusal(jsonQuantity(long35), EncodingEnum.JSON).getOperationOutcome()).getIssueFirstRep()
                .getDiagnostics();
        assertThat(quoted).contains("12345678901234567890...").doesNotContain(long35);
    }
}
