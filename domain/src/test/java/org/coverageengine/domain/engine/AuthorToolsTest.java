package org.coverageengine.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coverageengine.domain.engine.TinyPolicy.decide;
import static org.coverageengine.domain.engine.TinyPolicy.statement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.coverageengine.domain.authoring.LintFinding;
import org.coverageengine.domain.authoring.OutcomeChanges;
import org.coverageengine.domain.authoring.PackDifference;
import org.coverageengine.domain.authoring.SampleRequest;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Statement;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.coverageengine.domain.port.out.CodeCatalog;
import org.coverageengine.domain.testing.NoCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The author tools of the domain: lint finds probable mistakes in a policy, diff names what changed. */
class AuthorToolsTest {

    private static final Condition HAS_MON = new Condition.RequestHasGroup("MON");

    /** Every group named: A and B decide, DX is a condition; MON and BASE are ancillary. */
    private static List<Statement> clean() {
        List<Statement> statements = new ArrayList<>();
        statements.add(statement("A-WITH-MON", Set.of("A"), List.of(HAS_MON, new Condition.DiagnosesAnyIn(Set.of("DX"))), decide(Outcome.COVERED)));
        statements.add(statement("A", Set.of("A"), List.of(), decide(Outcome.NOT_COVERED)));
        statements.add(statement("B", Set.of("B"), List.of(), new Effect.RequireCriteria("NEED")));
        return statements;
    }

    private static List<Statement> with(Statement extra) {
        List<Statement> statements = clean();
        statements.add(extra);
        return statements;
    }

    static Stream<Arguments> findings() {
        return Stream.of(
                Arguments.of("a clean policy", clean(), List.of()),
                Arguments.of("a group nothing names", clean().subList(1, 3), List.of("unused-group: group DX is named by no statement")),
                Arguments.of("shadowed by an earlier statement without conditions", with(statement("A-AGAIN", Set.of("A"), List.of(HAS_MON),
                        decide(Outcome.BUNDLED))), List.of("shadowed: statement A-AGAIN can never decide: the earlier statement A applies")),
                Arguments.of("a condition and its negation", with(statement("B-NEVER", Set.of("B"), List.of(HAS_MON, new Condition.Not(HAS_MON)),
                        new Effect.Note())), List.of("never-fires: statement B-NEVER can never apply: it asks both that the request has a MON code")),
                Arguments.of("an annotation is never shadowed", with(statement("A-NOTE", Set.of("A"), List.of(), new Effect.Note())), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void findings(String name, List<Statement> statements, List<String> expected) {
        List<String> found = new PackLinter().lint(List.of(TinyPolicy.build(statements)), new NoCodes()).stream().map(LintFinding::toString).toList();
        assertThat(found).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(found.get(i)).startsWith("policy T1 (version 2024-01-01): " + expected.get(i));
        }
    }

    @Test
    void codesUnknownToOrDeletedInACompleteCodeSetAreFound() {
        CodeCatalog catalog = new CodeCatalog() {
            @Override
            public List<String> completeness() {
                return List.of("CPT");
            }

            @Override
            public List<CodeEntry> search(String text, int limit) {
                return List.of();
            }

            @Override
            public Map<CodeSystem, Integer> countsBySystem() {
                return Map.of();
            }

            @Override
            public List<CodeEntry> entries(Code code) {
                return code.value().equals("22222")
                        ? List.of(CodeEntry.of(code, "ended", new DateRange(null, LocalDate.of(2023, 12, 31)), "test")) : List.of();
            }

            @Override
            public boolean declaresComplete(CodeSystem system, LocalDate date) {
                return system == CodeSystem.CPT;
            }
        };
        List<String> found = new PackLinter().lint(List.of(TinyPolicy.build(clean())), catalog).stream().map(LintFinding::kind).toList();
        // 95940, 95925, 95926, 11111 are unknown to this code set, 22222 ended before the policy; C71.1 is not in a complete set.
        assertThat(found).containsExactlyInAnyOrder("unknown-code", "unknown-code", "unknown-code", "unknown-code", "deleted-code");
    }

    @Test
    void versionsThatOverlapAreFound() {
        Policy first = TinyPolicy.build(clean());
        Policy ended = new Policy(first.number(), first.title(), first.payer(), first.effectiveDate(), LocalDate.of(2025, 6, 30), null, null,
                first.governs(), Map.of(), first.ancillaryGroups(), List.of(), List.of(), first.groups(), first.criteriaSets(), first.statements());
        Policy second = new Policy(first.number(), first.title(), first.payer(), LocalDate.of(2025, 1, 1), null, null, null,
                first.governs(), Map.of(), first.ancillaryGroups(), List.of(), List.of(), first.groups(), first.criteriaSets(), first.statements());

        assertThat(new PackLinter().lint(List.of(ended, second), new NoCodes())).extracting(LintFinding::toString)
                .containsExactly("policy T1 (version 2025-01-01): overlapping-versions: the version effective 2024-01-01 is said to last until 2025-06-30,"
                        + " after this version takes effect");
        assertThat(new PackLinter().lint(List.of(first, second), new NoCodes())).as("an open version is replaced by the next").isEmpty();
    }

    @Test
    void diffNamesStatementsAddedRemovedAndChanged() {
        Policy old = TinyPolicy.build(clean());
        List<Statement> changed = new ArrayList<>(clean());
        changed.set(1, statement("A", Set.of("A"), List.of(), decide(Outcome.EXPERIMENTAL)));
        changed.remove(2);
        changed.add(statement("B-ONCE", Set.of("B"), List.of(), new Effect.RequirePriorAuthorization()));

        assertThat(new PackComparison().diff(List.of(old), List.of(TinyPolicy.build(changed)))).extracting(PackDifference::toString).containsExactly(
                "policy T1: statement B: removed (B: require-criteria NEED)",
                "policy T1: statement A: changed effect decide not-covered -> decide experimental",
                "policy T1: statement B-ONCE: added (B: prior-authorization)");
        assertThat(new PackComparison().diff(List.of(old), List.of(old))).isEmpty();
    }

    @Test
    void outcomeChangesListTheLinesAChangeMovesAndTheRequestsAnEngineRefuses() {
        List<Statement> changed = new ArrayList<>(clean());
        changed.set(1, statement("A", Set.of("A"), List.of(), decide(Outcome.EXPERIMENTAL)));
        CoverageDeterminer before = new CoverageDeterminer(() -> TinyPolicy.knowledge(clean()), Clock.systemUTC());
        CoverageDeterminer after = new CoverageDeterminer(() -> TinyPolicy.knowledge(changed), Clock.systemUTC());
        SampleRequest moved = sample("claim 1", "11111", "22222");
        SampleRequest unchanged = sample("claim 2", "22222");
        DetermineCoverage refusing = request -> {
            throw new IllegalArgumentException("no lines");
        };

        OutcomeChanges changes = new PackComparison().outcomeChanges(before, after, List.of(moved, unchanged));
        OutcomeChanges refused = new PackComparison().outcomeChanges(before, refusing, List.of(moved));

        assertThat(changes.changes()).extracting(OutcomeChanges.Change::toString).containsExactly("claim 1 line 1 (11111): not-covered -> experimental");
        assertThat(changes.requests()).isEqualTo(2);
        assertThat(changes.lines()).isEqualTo(3);
        assertThat(changes.byTransition()).containsExactly(Map.entry("not-covered -> experimental", 1));
        assertThat(refused.refused()).containsExactly("claim 1: no lines");
        assertThat(refused.requests()).isZero();
    }

    private static SampleRequest sample(String id, String... codes) {
        List<RequestedLine> lines = new ArrayList<>();
        for (String code : codes) {
            lines.add(new RequestedLine(lines.size() + 1, CodeText.procedure(code), 1, List.of(), List.of()));
        }
        return new SampleRequest(id, new CoverageRequest(LocalDate.of(2025, 3, 10), LineOfBusiness.COMMERCIAL, lines, Set.of()));
    }
}
