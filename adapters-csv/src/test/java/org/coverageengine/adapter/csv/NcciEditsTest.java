package org.coverageengine.adapter.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.edit.EditApplication;
import org.coverageengine.domain.edit.EditSetting;
import org.coverageengine.domain.port.out.Knowledge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NCCI PTP and MUE edits applied to requests, from the real CMS excerpts: the rules of issue 16 and the CMS NCCI
 * policy manual (indicators, deletion dates as last day in force, PTP-associated modifiers and their exceptions,
 * MUE adjudication indicators, which lines of business get which tables).
 */
class NcciEditsTest {

    private static Knowledge knowledge;

    @BeforeAll
    static void load() {
        knowledge = NcciEdits.knowledge();
    }

    private static CoverageDecision medicare(String date, String... lines) {
        return NcciEdits.ask(knowledge, EditApplication.DEFAULT, LocalDate.parse(date), LineOfBusiness.MEDICARE, lines);
    }

    private static Determination line(CoverageDecision decision, int sequence) {
        return decision.determinations().get(sequence - 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "indicator 0: 36591 bundled into 0001A even with 59             | 2023-06-15 | 0001A | 36591-59 | BUNDLED   | modifier indicator 0",
        "indicator 0: nor XU                                            | 2022-02-01 | 0001A-XU | 36591-XU | BUNDLED | no modifier bypasses it",
        "indicator 1 without a modifier: bundled                        | 2023-06-15 | 0001A | 96160    | BUNDLED   | no NCCI PTP-associated modifier",
        "indicator 1: 59 on the column-2 line bypasses                  | 2023-06-15 | 0001A | 96160-59 | NO_POLICY | modifier 59 on line 2",
        "indicator 1: XU bypasses                                       | 2023-06-15 | 0001A | 96160-XU | NO_POLICY | modifier XU on line 2",
        "indicator 1: a modifier on the column-1 line bypasses too      | 2023-06-15 | 0001A-RT | 96160 | NO_POLICY | modifier RT on line 1",
        "indicator 1: 25 counts only on an E/M code                     | 2023-06-15 | 0001A | 96160-25 | BUNDLED   | only on an evaluation and management code",
        "indicator 1: 25 on the E/M code bypasses                       | 2023-06-15 | 0001A | 99213-25 | NO_POLICY | modifier 25 on line 2",
        "indicator 1: 59 does not bypass on an E/M code                 | 2023-06-15 | 0001A | 99213-59 | BUNDLED   | CMS does not accept it on 99213",
        "indicator 1: 27 counts only with hospital tables               | 2023-06-15 | 0001A | 96160-27 | BUNDLED   | only with the outpatient hospital tables",
        "indicator 1: a modifier that is not PTP-associated does nothing | 2023-06-15 | 0001A | 96160-GA | BUNDLED  | no NCCI PTP-associated modifier",
        "on its deletion date the edit applies                          | 2026-06-30 | 0001U | 0029U    | BUNDLED   | 0001U/0029U",
        "the day after its deletion date it does not                    | 2026-07-01 | 0001U | 0029U    | NO_POLICY | No loaded policy",
        "before its effective date it does not                          | 2022-12-31 | 0001U | 0286U    | NO_POLICY | No loaded policy",
        "on its effective date it does                                  | 2023-01-01 | 0001U | 0286U    | BUNDLED   | 0001U/0286U",
        "an indicator-9 pair never applies                              | 2022-01-01 | 0001A | 90473    | NO_POLICY | No loaded policy"})
    void ptpEdits(String why, String date, String first, String second, Outcome expected, String reason) {
        CoverageDecision decision = medicare(date, first, second);
        assertThat(line(decision, 2).outcome()).as(why).isEqualTo(expected);
        assertThat(line(decision, 2).explanation()).as(why).contains(reason);
        assertThat(line(decision, 1).outcome()).as("the column-1 line is not denied by the edit").isEqualTo(Outcome.NO_POLICY);
    }

    @Test
    void theColumnTwoLineIsBundledWhateverTheLineOrder() {
        CoverageDecision decision = medicare("2023-06-15", "36591", "0001A");
        assertThat(line(decision, 1).outcome()).isEqualTo(Outcome.BUNDLED);
        assertThat(line(decision, 1).explanation()).contains("36591 (line 1) is a column-2 code of 0001A (line 2)");
        assertThat(line(decision, 2).outcome()).isEqualTo(Outcome.NO_POLICY);
    }

    @Test
    void aBundledLineCitesThePairTheTableItsQuarterAndTheRationale() {
        Determination bundled = line(medicare("2023-06-15", "0001A", "36591-59"), 2);
        assertThat(bundled.citations()).singleElement().satisfies(c -> {
            assertThat(c.citesNcciEdit()).isTrue();
            assertThat(c.describe()).contains("NCCI PTP", "Medicare practitioner PTP", "ccipra-v322r0-f1.excerpt.txt",
                    "(version 2026-07-01)", "0001A/36591", "in force 2022-01-01 to 2023-12-31", "modifier indicator 0",
                    "CPT Manual or CMS manual coding instruction");
        });
        assertThat(bundled.outcome().excluded()).contains(true);
    }

    @Test
    void theBypassReasonNamesTheModifier() {
        Determination bypassed = line(medicare("2023-06-15", "0001A", "96160-XU"), 2);
        assertThat(bypassed.explanation()).contains("modifier XU on line 2 (96160, NCCI PTP-associated other modifier) bypasses it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "indicator 1 (synthetic row): a line above the value is denied     | 97110x5        | NOT_COVERED | NO_POLICY",
        "indicator 1: each line is compared on its own                     | 97110x3,97110x3 | NO_POLICY  | NO_POLICY",
        "indicator 1: at the value the line passes                         | 97110x4        | NO_POLICY   | NO_POLICY",
        "indicator 3: units summed over the lines deny every line          | 0009U,0009Ux2  | NOT_COVERED | NOT_COVERED",
        "indicator 3: at the value the lines pass                          | 0009U,0009U    | NO_POLICY   | NO_POLICY",
        "indicator 2: one line above the value is denied                   | 0001Ux2        | NOT_COVERED | NO_POLICY"})
    void mueEdits(String why, String lines, Outcome first, Outcome second) {
        CoverageDecision decision = medicare("2026-08-01", lines.split(","));
        assertThat(line(decision, 1).outcome()).as(why).isEqualTo(first);
        if (decision.determinations().size() > 1) {
            assertThat(line(decision, 2).outcome()).as(why).isEqualTo(second);
        }
    }

    @Test
    void anMueReasonGivesTheValueTheIndicatorAndTheRationaleAndTheUnitsAllowed() {
        Determination denied = line(medicare("2026-08-01", "0009U", "0009Ux2"), 2);
        assertThat(denied.allowedUnits()).isEqualTo(2);
        assertThat(denied.explanation()).contains("at most 2 units", "3 Date of Service Edit: Clinical", "3 units of 0009U", "lines 1, 2",
                "Nature of Analyte", "not only the excess");
        assertThat(denied.citations()).singleElement().satisfies(c -> assertThat(c.describe()).contains("NCCI MUE", "(version 2026-07-01)"));
    }

    @Test
    void beforeTheFirstLoadedMueQuarterNoMueAppliesAndTheResponseSaysSo() {
        CoverageDecision decision = medicare("2026-06-30", "0009Ux5");
        assertThat(line(decision, 1).outcome()).isEqualTo(Outcome.NO_POLICY);
        assertThat(decision.notices()).anySatisfy(n -> assertThat(n).contains("No NCCI MUE was applied", "starts 2026-07-01"));
    }

    @ParameterizedTest(name = "{0} by default: {1}")
    @CsvSource({"MEDICARE, BUNDLED", "MEDICARE_ADVANTAGE, BUNDLED", "MEDICAID, NO_POLICY", "COMMERCIAL, NO_POLICY"})
    void medicareTablesApplyToMedicareOnlyByDefault(LineOfBusiness lob, Outcome expected) {
        CoverageDecision decision = NcciEdits.ask(knowledge, EditApplication.DEFAULT, LocalDate.of(2023, 6, 15), lob, "0001A", "36591");
        assertThat(line(decision, 2).outcome()).isEqualTo(expected);
        if (expected == Outcome.NO_POLICY) {
            assertThat(decision.notices()).anySatisfy(n -> assertThat(n).startsWith("NCCI edits were not applied"));
        }
    }

    @ParameterizedTest(name = "{0} when configured: bundled")
    @CsvSource({"MEDICAID", "COMMERCIAL"})
    void medicareTablesApplyToOtherLinesOfBusinessWhenConfigured(LineOfBusiness lob) {
        EditApplication configured = new EditApplication(EditSetting.PRACTITIONER, Set.of(LineOfBusiness.COMMERCIAL, LineOfBusiness.MEDICAID));
        CoverageDecision decision = NcciEdits.ask(knowledge, configured, LocalDate.of(2023, 6, 15), lob, "0001A", "36591");
        assertThat(line(decision, 2).outcome()).isEqualTo(Outcome.BUNDLED);
    }

    @Test
    void hospitalSettingFindsNoPractitionerTables() {
        EditApplication hospital = new EditApplication(EditSetting.OUTPATIENT_HOSPITAL, Set.of());
        CoverageDecision decision = NcciEdits.ask(knowledge, hospital, LocalDate.of(2023, 6, 15), LineOfBusiness.MEDICARE, "0001A", "36591");
        assertThat(line(decision, 2).outcome()).isEqualTo(Outcome.NO_POLICY);
        assertThat(decision.notices()).anySatisfy(n -> assertThat(n).contains("no Medicare outpatient hospital NCCI table is loaded"));
    }

    @Test
    void editsCombineByTheMostRestrictiveOutcomeKeepingEveryReason() {
        Determination both = line(medicare("2026-08-01", "0001U", "0030Ux2"), 2);
        assertThat(both.outcome()).as("not-covered (MUE) is more restrictive than bundled (PTP)").isEqualTo(Outcome.NOT_COVERED);
        assertThat(both.reasons()).hasSize(2).anySatisfy(r -> assertThat(r).startsWith("NCCI MUE for 0030U"))
                .anySatisfy(r -> assertThat(r).startsWith("NCCI PTP edit 0001U/0030U"));
        assertThat(both.citations()).extracting(c -> c.policyNumber()).containsExactly("NCCI MUE", "NCCI PTP");
    }
}
