package org.coverageengine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** evaluate: lines from the command line or a FHIR file; table, JSON and documented exit codes. */
class EvaluateCommandTest {

    @Test
    @DisplayName("the issue's example: table with line, code, outcome, why")
    void table() {
        Cli cli = Cli.run("evaluate", "--date", "2025-03-10", "--line", "64483:M54.16", "--line", "95940:M54.16", "--line", "95925x2:C73");
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().contains("LINE CODE     UNITS OUTCOME      WHY"), cli.out());
        assertTrue(cli.out().matches("(?s).*\\n2\\s+95940\\s+1\\s+not-covered\\s+Policy 0509.*"), cli.out());
        assertTrue(cli.out().matches("(?s).*\\n3\\s+95925\\s+2\\s+not-covered.*"), cli.out());
        assertTrue(cli.out().contains("COMMERCIAL was assumed"));
    }

    @Test
    void json() {
        Cli cli = Cli.run("evaluate", "--date", "2025-03-10", "--lob", "commercial", "--line", "61510:C71.1", "--line", "95940:C71.1",
                "--json");
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().startsWith("{\"knowledgeVersion\":"), cli.out());
        assertTrue(cli.out().contains("\"code\":\"95940\""));
        assertTrue(cli.out().contains("\"outcome\":\"conditional\""));
        assertTrue(cli.out().contains("\"requirement\":\"required\""));
        assertTrue(cli.out().contains("\"lineOfBusinessAssumed\":false"));
    }

    @Test
    @DisplayName("attested criteria make IOM covered")
    void attest() {
        Cli cli = Cli.run("evaluate", "--date", "2025-03-10", "--line", "61510:C71.1", "--line", "95940:C71.1", "--attest",
                "iom-performer-qualified", "--attest", "iom-interpreter-qualified", "--attest", "iom-real-time-communication",
                "--attest", "iom-risk-cranial-nerve", "--json");
        assertTrue(cli.out().contains("\"outcome\":\"covered\""), cli.out());
    }

    @ParameterizedTest(name = "S9090 under {0}: {1}")
    @CsvSource({"medicare, not-covered", "medicare-advantage, no-policy", "workers-comp, conditional", "auto, conditional",
        "commercial, experimental"})
    void linesOfBusiness(String lob, String outcome) {
        Cli cli = Cli.run("evaluate", "--date", "2025-03-10", "--line-of-business", lob, "--line", "S9090", "--json");
        assertTrue(cli.out().contains("\"outcome\":\"" + outcome + "\""), cli.out());
    }

    @Test
    @DisplayName("exit code 3 when a line is invalid")
    void invalidLines() {
        Cli cli = Cli.run("evaluate", "--date", "2025-03-10", "--line", "63047:M51.36", "--line", "9594");
        assertEquals(3, cli.exit());
        assertTrue(cli.out().contains("invalid"));
    }

    @Test
    @DisplayName("exit code 2 on usage errors, with a message")
    void usageErrors() {
        assertEquals(2, Cli.run("evaluate", "--date", "10/03/2025", "--line", "95940").exit());
        assertEquals(2, Cli.run("evaluate", "--line-of-business", "gold-plan", "--line", "95940").exit());
        Cli neither = Cli.run("evaluate");
        assertEquals(2, neither.exit());
        assertTrue(neither.err().contains("--line"), neither.err());
    }

    @Test
    @DisplayName("--fhir with the official HL7 example: category-only, nothing to evaluate")
    void fhirExample() {
        Path file = SharedData.external("fhir-r4-examples/coverageeligibilityrequest-example-2.json");
        Cli cli = Cli.run("evaluate", "--fhir", file.toString());
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().contains("no item with a procedure code"), cli.out());
    }

    @Test
    @DisplayName("--fhir with a request carrying codes")
    void fhirRequest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("request.json");
        Files.writeString(file, """
                {"resourceType":"CoverageEligibilityRequest","status":"active","purpose":["auth-requirements"],
                 "patient":{"reference":"Patient/1"},"created":"2025-03-01","insurer":{"reference":"Organization/1"},
                 "servicedDate":"2025-03-10",
                 "item":[{"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"64483"}]},
                          "diagnosis":[{"diagnosisCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"M54.16"}]}}]},
                         {"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"95940"}]}}]}
                """);
        Cli cli = Cli.run("evaluate", "--fhir", file.toString(), "--json");
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().contains("\"outcome\":\"not-covered\""), cli.out());
    }

    @Test
    @DisplayName("--fhir with a broken file: exit 4 and the element path")
    void fhirBroken(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"resourceType\":\"CoverageEligibilityRequest\",\"item\":[{\"quantity\":{\"value\":-1},"
                + "\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]}}]}");
        Cli cli = Cli.run("evaluate", "--fhir", file.toString());
        assertEquals(4, cli.exit());
        assertTrue(cli.err().contains("CoverageEligibilityRequest.item[0].quantity.value"), cli.err());
    }

    @Test
    @DisplayName("regression (Jazzer finding): an empty JSON key makes HAPI's parser fail; exit 4 with a message, no stack trace")
    void fhirEmptyKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty-key.json");
        Files.writeString(file, "{\"resourceType\":\"CoverageEligibilityRequest\",\"patient\":{\"\":\"x\"},\"item\":[]}");
        Cli cli = Cli.run("evaluate", "--fhir", file.toString());
        assertEquals(4, cli.exit());
        assertTrue(cli.err().contains("not a readable FHIR JSON resource"), cli.err());
        assertTrue(!cli.err().contains("\tat "), "no stack trace: " + cli.err());
    }

    @Test
    @DisplayName("with the full ICD-10-CM file an unknown diagnosis is invalid")
    void withCodeFile() {
        Path order = SharedData.external("icd10cm-fy2025/icd10cm-order-2025.txt");
        Cli cli = Cli.run("evaluate", "--codes", order.toString(), "--date", "2025-03-10", "--line", "61510:Z99.999", "--line", "95940:Z99.999");
        assertEquals(3, cli.exit(), cli.out());
        assertTrue(cli.out().contains("complete official code set"), cli.out());
    }
}
