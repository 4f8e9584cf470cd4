package org.coverageengine.domain.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Code formats as coverage-rules.md states them; an invalid code cannot be built and says why. */
class CodeTest {

    @ParameterizedTest(name = "CPT {0} is category {1}")
    @CsvSource({"95940, I", "61510, I", "0001F, II", "3008F, II", "0202T, III", "0790T, III", "0274t, III", "0001A, I", "0009U, I", "0001M, I"})
    void cptCategories(String text, CptCategory category) {
        assertEquals(category, Code.cpt(text).cptCategory());
    }

    @ParameterizedTest(name = "CPT ''{0}'' is rejected")
    @ValueSource(strings = {"9594", "959400", "0202X", "G0453", "95 940", "9594O", ""})
    void invalidCpt(String text) {
        InvalidCodeException e = assertThrows(InvalidCodeException.class, () -> Code.cpt(text));
        assertTrue(e.getMessage().contains("CPT code"), e.getMessage());
    }

    @ParameterizedTest(name = "HCPCS {0}")
    @ValueSource(strings = {"G0453", "S3900", "S9090", "s9117", " E0424 "})
    void validHcpcs(String text) {
        assertEquals(text.strip().toUpperCase(), Code.hcpcs(text).value());
    }

    @ParameterizedTest(name = "HCPCS ''{0}'' is rejected")
    @ValueSource(strings = {"G045", "G04531", "95940", "GG453", "S90.90"})
    void invalidHcpcs(String text) {
        InvalidCodeException e = assertThrows(InvalidCodeException.class, () -> Code.hcpcs(text));
        assertTrue(e.getMessage().contains("one letter followed by 4 digits"), e.getMessage());
    }

    @ParameterizedTest(name = "ICD-10-CM {0} normalises to {1}")
    @CsvSource({"M48061, M48.061", "M48.061, M48.061", "m48.061, M48.061", "S12100A, S12.100A", "M435X6, M43.5X6", "C71.1, C71.1",
        "C711, C71.1", "A00, A00", "Z47.2, Z47.2", "U07.1, U07.1"})
    void dottedForm(String text, String normal) {
        assertEquals(normal, Code.icd10cm(text).value());
        assertEquals(normal.replace(".", ""), Code.icd10cm(text).compactValue());
    }

    @ParameterizedTest(name = "ICD-10-CM ''{0}'' is rejected")
    @ValueSource(strings = {"M4", "148.061", "M48.06111", "M48..061", "M4.8061", "M48.06-1", "MM8.061", "M48.", "M48.061.1"})
    void invalidIcd(String text) {
        assertThrows(InvalidCodeException.class, () -> Code.icd10cm(text));
    }

    @Test
    void handWrittenChecksAgreeWithTheFormatPatterns() {
        java.util.Map<CodeSystem, java.util.regex.Pattern> formats = java.util.Map.of(
                CodeSystem.CPT, java.util.regex.Pattern.compile("\\d{5}|\\d{4}[FTAMU]"),
                CodeSystem.HCPCS, java.util.regex.Pattern.compile("[A-Z]\\d{4}"),
                CodeSystem.ICD10CM, java.util.regex.Pattern.compile("[A-Z]\\d[A-Z0-9](\\.[A-Z0-9]{1,4})?"));
        java.util.Random random = new java.util.Random(509);
        String alphabet = "0123456789ABFTXZ.a ";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(10);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            for (CodeSystem system : CodeSystem.values()) {
                boolean accepted;
                try {
                    new Code(system, candidate);
                    accepted = true;
                } catch (InvalidCodeException e) {
                    accepted = false;
                }
                assertEquals(formats.get(system).matcher(candidate).matches(), accepted, system + " '" + candidate + "'");
            }
        }
    }

    @Test
    void procedureShapeChoosesSystem() {
        assertEquals(CodeSystem.CPT, Code.procedure("95940").system());
        assertEquals(CodeSystem.CPT, Code.procedure("0202T").system());
        assertEquals(CodeSystem.HCPCS, Code.procedure("G0453").system());
    }

    @Test
    @DisplayName("regression (Jazzer finding): a procedure code of NUL characters is refused, not an index error")
    void nulCharactersAreAnEmptyCode() {
        InvalidCodeException e = assertThrows(InvalidCodeException.class, () -> Code.procedure("\u0000\u0000\u0000"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(InvalidCodeException.class, () -> Code.icd10cm("\u0000\u0001"));
    }

    @ParameterizedTest(name = "system URI {0}")
    @CsvSource({"http://www.ama-assn.org/go/cpt, CPT", "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets, HCPCS",
        "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets, HCPCS", "http://hl7.org/fhir/sid/icd-10-cm, ICD10CM",
        "http://hl7.org/fhir/sid/icd-10-cm/, ICD10CM"})
    void systemUris(String uri, CodeSystem system) {
        assertEquals(system, CodeSystem.fromUri(uri).orElseThrow());
    }

    @Test
    void unknownSystemUri() {
        assertTrue(CodeSystem.fromUri("http://snomed.info/sct").isEmpty());
    }
}
