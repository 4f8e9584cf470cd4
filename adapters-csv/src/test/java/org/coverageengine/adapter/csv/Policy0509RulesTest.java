package org.coverageengine.adapter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coverageengine.adapter.csv.DefaultPack.DOS;
import static org.coverageengine.adapter.csv.DefaultPack.KNOWLEDGE;
import static org.coverageengine.adapter.csv.DefaultPack.ask;
import static org.coverageengine.adapter.csv.DefaultPack.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.policy.Policy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of coverage-rules.md for policy 0509, over the codes of each group in the embedded pack. */
class Policy0509RulesTest {

    static final Policy POLICY = KNOWLEDGE.policies().latest("0509").orElseThrow();
    static final Set<String> ALL_IOM_CRITERIA = Set.of("iom-performer-qualified", "iom-interpreter-qualified",
            "iom-real-time-communication", "iom-risk-cranial-nerve");

    static Stream<String> codes(String group) {
        return POLICY.groups().get(group).members().keySet().stream().map(Code::value).sorted();
    }

    static Stream<String> validOnDos(String group) {
        return POLICY.groups().get(group).members().entrySet().stream().filter(e -> e.getValue().contains(DOS))
                .map(e -> e.getKey().value()).sorted();
    }

    static Stream<String> iomCodes() {
        return codes("IOM");
    }

    static Stream<String> baselineCodes() {
        return codes("BASELINE");
    }

    static Stream<String> pnsCodes() {
        return codes("PNS");
    }

    static Stream<String> painCodes() {
        return codes("PAIN");
    }

    static Stream<String> spineCodes() {
        return codes("SPINE");
    }

    static Stream<String> nmbCodes() {
        return codes("NMB");
    }

    static Stream<String> lumbarDiagnoses() {
        return validOnDos("LUMBAR_DX");
    }

    static Stream<String> cervicalDiagnoses() {
        return validOnDos("CERVICAL_DX");
    }

    static Stream<String> baselineNotPns() {
        Set<String> pns = pnsCodes().collect(Collectors.toSet());
        return baselineCodes().filter(c -> !pns.contains(c));
    }

    @Nested
    @DisplayName("Rule 1: SEMG is experimental")
    class Rule1 {
        @Test
        void alone() {
            assertEquals(Outcome.EXPERIMENTAL, line(ask("S3900:M54.50"), "S3900").outcome());
        }

        @Test
        void withSurgeryAndIom() {
            assertEquals(Outcome.EXPERIMENTAL, line(ask("61510:C71.1", "95940:C71.1", "S3900:C71.1"), "S3900").outcome());
        }
    }

    @Nested
    @DisplayName("Rule 2: train-of-four (NMB) is bundled with surgery or IOM, otherwise outside the policy")
    class Rule2 {
        @ParameterizedTest(name = "{0} with a craniotomy is bundled")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#nmbCodes")
        void withSurgery(String nmb) {
            Determination d = line(ask("61510:C71.1", nmb + ":C71.1"), nmb);
            assertEquals(Outcome.BUNDLED, d.outcome());
            assertEquals(Boolean.TRUE, d.outcome().excluded().orElseThrow());
        }

        @ParameterizedTest(name = "{0} with IOM is bundled")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#nmbCodes")
        void withIom(String nmb) {
            assertEquals(Outcome.BUNDLED, line(ask("95940:C71.1", nmb + ":C71.1"), nmb).outcome());
        }

        @ParameterizedTest(name = "{0} alone has no policy")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#nmbCodes")
        void alone(String nmb) {
            assertEquals(Outcome.NO_POLICY, line(ask(nmb + ":G70.00"), nmb).outcome());
        }
    }

    @Nested
    @DisplayName("Rule 3: VEP with IOM is not covered, otherwise outside the policy")
    class Rule3 {
        @ParameterizedTest(name = "95930 with {0}")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#iomCodes")
        void withIom(String iom) {
            assertEquals(Outcome.NOT_COVERED, line(ask("61510:C71.1", iom + ":C71.1", "95930:C71.1"), "95930").outcome());
        }

        @Test
        void withoutIom() {
            assertEquals(Outcome.NO_POLICY, line(ask("61510:C71.1", "95930:H47.011"), "95930").outcome());
        }
    }

    @Nested
    @DisplayName("Rule 4: IOM or baseline during an interventional pain procedure is not covered")
    class Rule4 {
        @ParameterizedTest(name = "95940 with pain procedure {0}")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#painCodes")
        void iomWithEveryPainCode(String pain) {
            Determination d = line(ask(pain + ":M54.16", "95940:M54.16"), "95940");
            assertEquals(Outcome.NOT_COVERED, d.outcome());
            assertTrue(d.citations().get(0).trigger().contains(pain), "names the pain code that triggered");
        }

        @ParameterizedTest(name = "IOM line {0} of a request with three IOM codes and two pain procedures names both pain codes")
        @ValueSource(strings = {"95940", "95941", "95925"})
        void everyIomLineNamesEveryPainCode(String iom) {
            // The text of the request's PAIN codes is built once per request and shared by every line outside PAIN.
            CoverageDecision decision = ask("62321:M54.16", "95940:M54.16", "64490:M54.16", "95941:M54.16", "95925:M54.16");
            Determination d = line(decision, iom);
            assertEquals(Outcome.NOT_COVERED, d.outcome());
            assertTrue(d.citations().get(0).trigger().contains("the request has 62321, 64490 in PAIN"), d.citations().get(0).trigger());
        }

        @ParameterizedTest(name = "baseline {0} with IOM during 62321")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#baselineCodes")
        void baselineWithIom(String baseline) {
            assertEquals(Outcome.NOT_COVERED, line(ask("62321:M54.16", "95940:M54.16", baseline + ":M54.16"), baseline).outcome());
        }

        @ParameterizedTest(name = "{0} with 63650 (spinal cord stimulator)")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#iomCodes")
        void everyIomCode(String iom) {
            assertEquals(Outcome.NOT_COVERED, line(ask("63650:G89.4", iom + ":G89.4"), iom).outcome());
        }
    }

    @Nested
    @DisplayName("Rule 5: IOM or baseline during spine surgery with only lumbar/cervical list diagnoses is not covered")
    class Rule5 {
        @ParameterizedTest(name = "95940 during {0} for M48.061")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#spineCodes")
        void everySpineCode(String spine) {
            assertEquals(Outcome.NOT_COVERED, line(ask(spine + ":M48.061", "95940:M48.061"), "95940").outcome());
        }

        @ParameterizedTest(name = "lumbar diagnosis {0}")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#lumbarDiagnoses")
        void everyLumbarDiagnosis(String dx) {
            assertEquals(Outcome.NOT_COVERED, line(ask("63047:" + dx, "95940:" + dx), "95940").outcome());
        }

        @ParameterizedTest(name = "cervical diagnosis {0}")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#cervicalDiagnoses")
        void everyCervicalDiagnosis(String dx) {
            assertEquals(Outcome.NOT_COVERED, line(ask("22551:" + dx, "95941:" + dx), "95941").outcome());
        }

        @Test
        @DisplayName("one lumbar and one cervical diagnosis: still all in the lists")
        void lumbarAndCervical() {
            assertEquals(Outcome.NOT_COVERED, line(ask("63047:M48.061,M50.10", "95940:M48.061,M50.10"), "95940").outcome());
        }

        @ParameterizedTest(name = "M48.061 mixed with {0}: rule 5 does not apply")
        @ValueSource(strings = {"C41.2", "S12.100A", "M41.125", "D43.4"})
        void mixedDiagnosesDoNotApply(String other) {
            Determination d = line(ask("63047:M48.061," + other, "95940:M48.061," + other), "95940");
            assertEquals(Outcome.CONDITIONAL, d.outcome());
        }

        @Test
        @DisplayName("a line without diagnoses uses the request's diagnoses")
        void lineWithoutDiagnosesUsesRequest() {
            assertEquals(Outcome.NOT_COVERED, line(ask("63047:M48.061", "95940"), "95940").outcome());
        }

        @ParameterizedTest(name = "baseline {0} follows into not-covered")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#baselineCodes")
        void baselineDuringSpine(String baseline) {
            assertEquals(Outcome.NOT_COVERED, line(ask("63047:M48.061", "95940:M48.061", baseline + ":M48.061"), baseline).outcome());
        }
    }

    @Nested
    @DisplayName("Rule 6: an IOM add-on code without a primary procedure is not covered")
    class Rule6 {
        @ParameterizedTest(name = "{0} alone")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#iomCodes")
        void alone(String iom) {
            assertEquals(Outcome.NOT_COVERED, line(ask(iom + ":C71.1"), iom).outcome());
        }

        @Test
        @DisplayName("IOM with only other monitoring codes has no primary")
        void onlyMonitoringCodes() {
            CoverageDecision d = ask("95940:C71.1", "95941:C71.1", "95925:C71.1", "95937:C71.1");
            assertEquals(Outcome.NOT_COVERED, line(d, "95940").outcome());
            assertEquals(Outcome.NOT_COVERED, line(d, "95925").outcome(), "the baseline follows the IOM line");
        }

        @Test
        @DisplayName("an add-on procedure (64484) is not a primary procedure")
        void addOnIsNotPrimary() {
            assertEquals(Outcome.NOT_COVERED, line(ask("64484:C71.1", "95940:C71.1"), "95940").outcome());
        }
    }

    @Nested
    @DisplayName("Rule 7: IOM otherwise is conditional on the criteria, covered when all are attested")
    class Rule7 {
        @ParameterizedTest(name = "{0} with a craniotomy is conditional")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#iomCodes")
        void conditional(String iom) {
            Determination d = line(ask("61510:C71.1", iom + ":C71.1"), iom);
            assertEquals(Outcome.CONDITIONAL, d.outcome());
            List<String> codes = d.criteria().stream().map(Criterion::code).toList();
            assertTrue(codes.containsAll(List.of("iom-performer-qualified", "iom-interpreter-qualified", "iom-real-time-communication",
                    "iom-significant-risk", "iom-risk-spinal-cord", "iom-risk-plexus-surgery")), codes.toString());
        }

        @Test
        void coveredWhenAllAttested() {
            Determination d = line(ask(DOS, LineOfBusiness.COMMERCIAL, ALL_IOM_CRITERIA, "61510:C71.1", "95940:C71.1"), "95940");
            assertEquals(Outcome.COVERED, d.outcome());
            assertTrue(d.criteria().stream().filter(c -> c.requirement().equals("required")).allMatch(Criterion::attested));
        }

        @Test
        void conditionalWhenOneMissing() {
            Set<String> missingInterpreter = Set.of("iom-performer-qualified", "iom-real-time-communication", "iom-risk-cranial-nerve");
            assertEquals(Outcome.CONDITIONAL,
                    line(ask(DOS, LineOfBusiness.COMMERCIAL, missingInterpreter, "61510:C71.1", "95940:C71.1"), "95940").outcome());
        }

        @Test
        void conditionalWithoutAnyIndication() {
            Set<String> noRisk = Set.of("iom-performer-qualified", "iom-interpreter-qualified", "iom-real-time-communication");
            assertEquals(Outcome.CONDITIONAL, line(ask(DOS, LineOfBusiness.COMMERCIAL, noRisk, "61510:C71.1", "95940:C71.1"), "95940").outcome());
        }

        @Test
        @DisplayName("a procedure the catalog does not know counts as primary")
        void unknownProcedureIsPrimary() {
            assertEquals(Outcome.CONDITIONAL, line(ask("60240:C73", "95940:C73"), "95940").outcome());
        }
    }

    @Nested
    @DisplayName("Rule 8: baseline studies follow the IOM line, once per session, one PNS code")
    class Rule8 {
        @ParameterizedTest(name = "baseline {0} follows a conditional IOM line")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#baselineCodes")
        void followsConditional(String baseline) {
            Determination d = line(ask("61510:C71.1", "95940:C71.1", baseline + ":C71.1"), baseline);
            assertEquals(Outcome.CONDITIONAL, d.outcome());
            assertEquals(1, d.allowedUnits());
        }

        @ParameterizedTest(name = "baseline {0} follows a covered IOM line")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#baselineNotPns")
        void followsCovered(String baseline) {
            assertEquals(Outcome.COVERED, line(ask(DOS, LineOfBusiness.COMMERCIAL, ALL_IOM_CRITERIA, "61510:C71.1", "95940:C71.1",
                    baseline + ":C71.1"), baseline).outcome());
        }

        @Test
        @DisplayName("quantity above one unit: one allowed, the excess named")
        void unitLimit() {
            Determination d = line(ask("61510:C71.1", "95940:C71.1", "95925x3:C71.1"), "95925");
            assertEquals(1, d.allowedUnits());
            assertEquals(3, d.requestedUnits());
            assertTrue(d.explanation().contains("2 unit(s) above the limit are not covered"), d.explanation());
        }

        @ParameterizedTest(name = "second PNS code after 95907: {0} is not covered")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#pnsCodes")
        void secondPnsCode(String pns) {
            if (pns.equals("95907")) {
                return;
            }
            CoverageDecision d = ask("61510:C71.1", "95940:C71.1", "95907:C71.1", pns + ":C71.1");
            assertEquals(Outcome.CONDITIONAL, line(d, "95907").outcome());
            assertEquals(Outcome.NOT_COVERED, line(d, pns).outcome());
        }
    }

    @Nested
    @DisplayName("Rules 9 and 10: baseline studies without IOM")
    class Rules9And10 {
        @ParameterizedTest(name = "{0} with pain procedure 64483 and no IOM")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#baselineCodes")
        void withPain(String baseline) {
            Determination d = line(ask("64483:M54.16", baseline + ":M54.16"), baseline);
            assertEquals(Outcome.NOT_COVERED, d.outcome());
            assertEquals("BASELINE-PAIN-WITHOUT-IOM", d.citations().get(0).statementId());
        }

        @ParameterizedTest(name = "{0} with lumbar surgery for M48.061 and no IOM")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#baselineCodes")
        void withSpine(String baseline) {
            assertEquals(Outcome.NOT_COVERED, line(ask("63047:M48.061", baseline + ":M48.061"), baseline).outcome());
        }

        @ParameterizedTest(name = "{0} alone is outside the policy")
        @MethodSource("org.coverageengine.adapter.csv.Policy0509RulesTest#baselineCodes")
        void otherwise(String baseline) {
            Determination d = line(ask("61510:C71.1", baseline + ":C71.1"), baseline);
            assertEquals(Outcome.NO_POLICY, d.outcome());
            assertTrue(d.outcome().excluded().isEmpty());
        }
    }

    @Nested
    @DisplayName("Rule 11: codes not valid on the date of service are invalid")
    class Rule11 {
        @Test
        void deletedDiagnosis() {
            Determination d = line(ask("63047:M51.36", "95940:M51.36"), "95940");
            assertEquals(Outcome.INVALID, d.outcome());
            assertTrue(d.explanation().contains("M51.36") && d.explanation().contains("2024-09-30"), d.explanation());
        }

        @Test
        void notYetEffectiveDiagnosis() {
            Determination d = line(ask(LocalDate.of(2024, 9, 20), LineOfBusiness.COMMERCIAL, Set.of(), "63047:M51.360", "95940:M51.360"), "95940");
            assertEquals(Outcome.INVALID, d.outcome());
            assertTrue(d.explanation().contains("not effective until 2024-10-01"), d.explanation());
        }

        @Test
        void deletedCodeStillValidBeforeDeletion() {
            assertEquals(Outcome.NOT_COVERED, line(ask(LocalDate.of(2024, 9, 20), LineOfBusiness.COMMERCIAL, Set.of(), "63047:M51.36",
                    "95940:M51.36"), "95940").outcome());
        }

        @ParameterizedTest(name = "malformed procedure ''{0}''")
        @ValueSource(strings = {"9594", "959400", "ABCDE", "M54.16", "0202X", "G04531"})
        void malformedProcedure(String code) {
            Determination d = ask(code).determinations().get(0);
            assertEquals(Outcome.INVALID, d.outcome());
            assertTrue(d.explanation().contains(code), d.explanation());
            assertTrue(d.outcome().excluded().isEmpty());
        }

        @ParameterizedTest(name = "malformed diagnosis ''{0}''")
        @ValueSource(strings = {"M4", "148.061", "M48.0611X", "M48..061", "M48.06-1"})
        void malformedDiagnosis(String dx) {
            assertEquals(Outcome.INVALID, line(ask("61510:C71.1", "95940:" + dx), "95940").outcome());
        }

        @ParameterizedTest(name = "''{0}'' on three lines: each is judged as the line alone")
        @ValueSource(strings = {"95940:M51.36", "9594:C71.1", "ABCDE:M4", "M54.16:M54.16", "95940:M48..061,M51.36", "63047:C71.1,M4"})
        void repeatedInvalidLines(String spec) {
            Determination alone = ask(spec).determinations().get(0);
            assertEquals(Outcome.INVALID, alone.outcome());
            for (Determination repeated : ask(spec, spec, spec).determinations()) {
                assertEquals(Outcome.INVALID, repeated.outcome());
                assertEquals(alone.reasons(), repeated.reasons());
            }
        }

        @Test
        @DisplayName("a procedure repeated with a deleted diagnosis on one line only: only that line is invalid")
        void repeatedProcedureWithOneInvalidDiagnosis() {
            CoverageDecision d = ask("61510:C71.1", "95940:M51.36", "95940:C71.1", "95940:M51.36");
            assertEquals(List.of(Outcome.INVALID, Outcome.INVALID),
                    List.of(d.determinations().get(1).outcome(), d.determinations().get(3).outcome()));
            assertTrue(d.determinations().get(1).explanation().contains("M51.36"), d.determinations().get(1).explanation());
            assertNotEquals(Outcome.INVALID, d.determinations().get(2).outcome());
        }

        @Test
        @DisplayName("M62.85 is in the lumbar list from 2024-10-01")
        void newLumbarCode() {
            assertEquals(Outcome.NOT_COVERED, line(ask("63047:M62.85", "95940:M62.85"), "95940").outcome());
        }
    }

    @Nested
    @DisplayName("Lines of business and dates")
    class Scope {
        @ParameterizedTest(name = "{0}: 95940 with a craniotomy has no policy")
        @EnumSource(value = LineOfBusiness.class, names = "COMMERCIAL", mode = EnumSource.Mode.EXCLUDE)
        void otherLinesOfBusiness(LineOfBusiness lob) {
            Determination d = line(ask(DOS, lob, Set.of(), "61510:C71.1", "95940:C71.1"), "95940");
            assertEquals(Outcome.NO_POLICY, d.outcome());
            boolean medicare = lob == LineOfBusiness.MEDICARE || lob == LineOfBusiness.MEDICARE_ADVANTAGE;
            assertEquals(medicare, d.explanation().contains("L34623") && d.explanation().contains("L35003")
                    && d.explanation().contains("L34975"), d.explanation());
        }

        @Test
        @DisplayName("absent line of business means COMMERCIAL, and the answer says so")
        void absentLineOfBusiness() {
            CoverageDecision d = ask(DOS, null, Set.of(), "61510:C71.1", "95940:C71.1");
            assertTrue(d.lineOfBusinessAssumed());
            assertEquals(LineOfBusiness.COMMERCIAL, d.lineOfBusiness());
            assertEquals(Outcome.CONDITIONAL, line(d, "95940").outcome());
            assertTrue(d.notices().get(0).contains("COMMERCIAL"));
        }

        @ParameterizedTest(name = "date of service {0} is before the policy")
        @ValueSource(strings = {"2024-09-14", "2023-01-01"})
        void beforePolicy(String date) {
            Determination d = line(ask(LocalDate.parse(date), LineOfBusiness.COMMERCIAL, Set.of(), "64483:M54.16", "95940:M54.16"), "95940");
            assertEquals(Outcome.NO_POLICY, d.outcome());
            assertTrue(d.explanation().contains("2024-09-15"), d.explanation());
        }

        @Test
        @DisplayName("the policy's first day applies it")
        void onEffectiveDate() {
            assertEquals(Outcome.NOT_COVERED, line(ask(LocalDate.of(2024, 9, 15), LineOfBusiness.COMMERCIAL, Set.of(), "64483:M54.16",
                    "95940:M54.16"), "95940").outcome());
        }

        @Test
        @DisplayName("absent date of service: today, and the answer says so")
        void absentDate() {
            CoverageDecision d = ask(null, LineOfBusiness.COMMERCIAL, Set.of(), "64483:M54.16", "95940:M54.16");
            assertTrue(d.dateOfServiceAssumed());
            assertEquals(LocalDate.of(2025, 3, 10), d.dateOfService());
        }
    }

    @Nested
    @DisplayName("Determinations explain themselves")
    class Explanations {
        @Test
        void citesPolicyVersionSectionAndTrigger() {
            Determination d = line(ask("64483:M54.16", "95940:M54.16"), "95940");
            var citation = d.citations().get(0);
            assertEquals("0509", citation.policyNumber());
            assertEquals(LocalDate.of(2024, 9, 15), citation.policyVersion());
            assertFalse(citation.section().isEmpty());
            assertTrue(citation.trigger().contains("PAIN"), citation.trigger());
            assertTrue(d.explanation().startsWith("Policy 0509 (Intraoperative Monitoring)"), d.explanation());
        }

        @Test
        void deterministic() {
            assertEquals(ask("61510:C71.1", "95940:C71.1", "95925x2:C71.1", "95930"), ask("61510:C71.1", "95940:C71.1", "95925x2:C71.1", "95930"));
        }

        @Test
        void namesKnowledgeVersion() {
            for (CsvPolicyPack pack : CsvPolicyPack.embedded()) {
                assertThat(ask("95940").knowledgeVersion()).contains(pack.describe());
            }
        }

        @Test
        void noPolicyForUnrelatedCode() {
            Determination d = ask("99213:J06.9").determinations().get(0);
            assertEquals(Outcome.NO_POLICY, d.outcome());
            assertNull(d.allowedUnits());
            assertTrue(d.citations().isEmpty());
        }
    }
}
