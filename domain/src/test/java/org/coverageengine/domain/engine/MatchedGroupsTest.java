package org.coverageengine.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.CodeRange;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Statement;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.testing.ListedPolicies;
import org.coverageengine.domain.testing.NoCodes;
import org.coverageengine.domain.testing.NoEdits;
import org.junit.jupiter.api.Test;

/** Groups kept for a code must be the groups of that code on that date: never another code's, never another date's. */
class MatchedGroupsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @Test
    void aPlacementIsHandedOutOnlyForItsOwnCodeAndDate() {
        MatchedGroups matched = new MatchedGroups();
        assertThat(matched.find(Code.cpt("63047"), DAY)).isNull();

        for (int i = 0; i < 8 * MatchedGroups.SLOTS; i++) {
            Code code = Code.cpt(Integer.toString(60_000 + i % 700));
            LocalDate date = DAY.plusDays(i % 3);
            long groups = expected(code, date);
            MatchedGroups.Placed found = matched.find(code, date);
            if (found != null) {
                assertThat(found.groups()).as(code + " on " + date).isEqualTo(groups);
            }
            matched.keep(code, date, groups);
            assertThat(matched.find(code, date).groups()).isEqualTo(groups);
        }
    }

    @Test
    void theSameCodeIsPlacedByEachDatesRangesRequestAfterRequest() {
        Map<String, CodeGroup> groups = new LinkedHashMap<>();
        groups.put("OLD_SURG", new CodeGroup("OLD_SURG", "Laminectomy until 2024", "Codes", Map.of(), List.of(),
                List.of(CodeRange.between(Code.cpt("63001"), Code.cpt("63048"), new DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31))))));
        groups.put("TUMOR_DX", new CodeGroup("TUMOR_DX", "Brain tumours", "Codes", Map.of(), List.of(),
                List.of(CodeRange.startingWith(CodeSystem.ICD10CM, "C71", DateRange.ALWAYS))));
        Statement covered = new Statement("old", "section old", Set.of("OLD_SURG"), Set.of(), List.of(), new Effect.Decide(Outcome.COVERED),
                "Covered until 2024.");
        Policy policy = new Policy("R1", "Rules", "Test payer", LocalDate.of(2020, 1, 1), null, null, Set.of(LineOfBusiness.COMMERCIAL),
                Map.of(), Set.of(), List.of(), List.of(), groups,
                Map.of("NOTHING", new CriteriaNode("nothing", "no criteria", CriteriaNode.Combinator.ALL, List.of())), List.of(covered));
        Knowledge knowledge = new Knowledge("rules", new NoCodes(), new ListedPolicies(List.of(policy)), new NoEdits());
        CoverageDeterminer engine = new CoverageDeterminer(() -> knowledge, Clock.systemUTC());

        for (int round = 0; round < 3; round++) {
            assertThat(line(engine, LocalDate.of(2024, 6, 1)).outcome()).isEqualTo(Outcome.COVERED);
            assertThat(line(engine, LocalDate.of(2025, 6, 1)).outcome()).as("the range ended in 2024").isEqualTo(Outcome.NO_POLICY);
        }
    }

    private static Determination line(CoverageDeterminer engine, LocalDate date) {
        RequestedLine line = new RequestedLine(1, CodeText.procedure("63047"), 1, List.of(), List.of(CodeText.diagnosis("C71.1")));
        return engine.determine(new CoverageRequest(date, LineOfBusiness.COMMERCIAL, List.of(line), Set.of())).determinations().get(0);
    }

    /** Any function of both code and date, so that a mix-up of either shows. */
    private static long expected(Code code, LocalDate date) {
        return (long) code.value().hashCode() << 8 ^ date.toEpochDay();
    }
}
