package org.coverageengine.adapter.csv;

import static org.coverageengine.adapter.csv.DefaultPack.DOS;
import static org.coverageengine.adapter.csv.DefaultPack.ask;
import static org.coverageengine.adapter.csv.DefaultPack.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The worked examples of coverage-rules.md (date of service 2025-03-10, COMMERCIAL unless said). */
class WorkedExamplesTest {

    @Test
    @DisplayName("63047 + 95940 for M48.061: IOM not covered (rule 5), the laminectomy has no policy")
    void lumbarLaminectomy() {
        CoverageDecision decision = ask("63047:M48.061", "95940:M48.061");
        assertEquals(Outcome.NOT_COVERED, line(decision, "95940").outcome());
        assertEquals(Outcome.NO_POLICY, line(decision, "63047").outcome());
        assertTrue(line(decision, "95940").citations().get(0).trigger().contains("63047"), "cites the spine procedure that triggered");
    }

    @Test
    @DisplayName("64483 + 95940 for M54.16: IOM not covered during a pain procedure (rule 4)")
    void epiduralInjection() {
        CoverageDecision decision = ask("64483:M54.16", "95940:M54.16");
        assertEquals(Outcome.NOT_COVERED, line(decision, "95940").outcome());
        assertEquals("IOM-DURING-PAIN-PROCEDURE", line(decision, "95940").citations().get(0).statementId());
    }

    @Test
    @DisplayName("61510 + 95940 + 95930 for C71.1: IOM conditional, VEP not covered")
    void craniotomy() {
        CoverageDecision decision = ask("61510:C71.1", "95940:C71.1", "95930:C71.1");
        assertEquals(Outcome.CONDITIONAL, line(decision, "95940").outcome());
        assertEquals(Outcome.NOT_COVERED, line(decision, "95930").outcome());
        assertTrue(line(decision, "95940").criteria().size() >= 4, "lists the criteria to document");
    }

    @Test
    @DisplayName("95940 alone for C71.1: not covered, an add-on needs its primary procedure (rule 6)")
    void addOnAlone() {
        assertEquals(Outcome.NOT_COVERED, line(ask("95940:C71.1"), "95940").outcome());
    }

    @Test
    @DisplayName("S3900 for M54.50: experimental")
    void surfaceEmg() {
        assertEquals(Outcome.EXPERIMENTAL, line(ask("S3900:M54.50"), "S3900").outcome());
    }

    @Test
    @DisplayName("S9090 under Medicare: not covered")
    void spinalDecompressionMedicare() {
        assertEquals(Outcome.NOT_COVERED, line(ask(DOS, LineOfBusiness.MEDICARE, Set.of(), "S9090"), "S9090").outcome());
    }
}
