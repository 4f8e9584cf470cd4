package org.coverageengine.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coverageengine.domain.engine.TinyPolicy.decide;
import static org.coverageengine.domain.engine.TinyPolicy.statement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of rule part through the engine: every condition gates its statement and names in the citation what made
 * it hold; every verdict decides as the policy text says; every annotation adds exactly its own effect.
 */
class RuleKindsTest {

    /** Lines are "CODE[xUNITS][:DX,DX...]"; without ":" the line has no diagnoses of its own. */
    static List<Determination> run(List<Statement> statements, Set<String> attested, String... lines) {
        var knowledge = TinyPolicy.knowledge(statements);
        List<RequestedLine> requested = new ArrayList<>();
        for (String spec : lines) {
            String[] codeAndDx = spec.split(":", -1);
            String[] codeAndUnits = codeAndDx[0].split("x");
            String[] dx = codeAndDx.length > 1 && !codeAndDx[1].isEmpty() ? codeAndDx[1].split(",") : new String[0];
            RequestedLine line = RequestedLine.of(requested.size() + 1, codeAndUnits[0], dx);
            requested.add(codeAndUnits.length > 1 ? line.withQuantity(Integer.parseInt(codeAndUnits[1])) : line);
        }
        CoverageRequest request = CoverageRequest.of(LocalDate.of(2025, 1, 1), LineOfBusiness.COMMERCIAL, requested.toArray(RequestedLine[]::new))
                .attesting(attested);
        return new CoverageDeterminer(() -> knowledge, Clock.systemUTC()).determine(request).determinations();
    }

    record ConditionCase(String name, Condition condition, List<String> lines, int line, String trigger) {
        boolean holds() {
            return trigger != null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ConditionCase> conditions() {
        var hasA = new Condition.RequestHasGroup("A");
        var hasMon = new Condition.RequestHasGroup("MON");
        var primary = new Condition.RequestHasPrimaryProcedure();
        var dx = new Condition.DiagnosesAllIn(Set.of("DX"));
        var earlier = new Condition.EarlierLineInGroup("BASE");
        return Stream.of(
                new ConditionCase("has(A) with an A line", hasA, List.of("11111:C71.1", "95940:C71.1"), 1,
                        "95940 is in MON (MON); the request has 11111 in A"),
                new ConditionCase("has(A) without one", hasA, List.of("22222:C71.1", "95940:C71.1"), 1, null),
                new ConditionCase("has(MON) does not count the line itself", hasMon, List.of("95940:C71.1"), 0, null),
                new ConditionCase("has-primary with a surgical line", primary, List.of("61510:C71.1", "95940:C71.1"), 1,
                        "95940 is in MON (MON); primary procedure 61510"),
                new ConditionCase("has-primary: ancillary groups are not primary", primary, List.of("95925:C71.1", "95940:C71.1"), 1, null),
                new ConditionCase("all-dx-in(DX) with every diagnosis listed", dx, List.of("95940:C71.1"), 0,
                        "95940 is in MON (MON); every diagnosis (C71.1) is in DX"),
                new ConditionCase("all-dx-in(DX) with one diagnosis not listed", dx, List.of("95940:C71.1,G40.909"), 0, null),
                new ConditionCase("all-dx-in(DX) with no diagnoses at all", dx, List.of("95940"), 0, null),
                new ConditionCase("all-dx-in(DX) on a line without its own takes the request's", dx, List.of("95940", "61510:C71.1"), 0,
                        "95940 is in MON (MON); every diagnosis (C71.1) is in DX"),
                new ConditionCase("earlier(BASE) on the second baseline line", earlier, List.of("95925:C71.1", "95926:C71.1"), 1,
                        "95926 is in BASE (BASE); an earlier line has 95925 in BASE"),
                new ConditionCase("earlier(BASE) on the first baseline line", earlier, List.of("95925:C71.1", "95926:C71.1"), 0, null),
                new ConditionCase("not(has(A)) without an A line", new Condition.Not(hasA), List.of("22222:C71.1", "95940:C71.1"), 1,
                        "95940 is in MON (MON); not (the request has a A code)"),
                new ConditionCase("not(has(A)) with one", new Condition.Not(hasA), List.of("11111:C71.1", "95940:C71.1"), 1, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void conditions(ConditionCase c) {
        List<Statement> statements = List.of(statement("when", Set.of("MON", "BASE"), List.of(c.condition()), decide(Outcome.NOT_COVERED)),
                statement("otherwise", Set.of("MON", "BASE"), List.of(), decide(Outcome.EXPERIMENTAL)));

        Determination line = run(statements, Set.of(), c.lines().toArray(String[]::new)).get(c.line());

        assertThat(line.outcome()).isEqualTo(c.holds() ? Outcome.NOT_COVERED : Outcome.EXPERIMENTAL);
        assertThat(line.citations().get(0).statementId()).isEqualTo(c.holds() ? "when" : "otherwise");
        if (c.holds()) {
            assertThat(line.citations().get(0).trigger()).isEqualTo(c.trigger());
        }
    }

    record VerdictCase(String name, Effect effect, Set<String> attested, List<String> lines, Outcome outcome, String explanation,
            List<String> criteria) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<VerdictCase> verdicts() {
        return Stream.of(
                new VerdictCase("decide", decide(Outcome.NOT_COVERED), Set.of(), List.of("95940:C71.1"), Outcome.NOT_COVERED,
                        "Policy T1 (Tiny): verdict applies.", List.of()),
                new VerdictCase("require-criteria, nothing attested", new Effect.RequireCriteria("NEED"), Set.of(), List.of("95940:C71.1"),
                        Outcome.CONDITIONAL, "Policy T1 (Tiny): verdict applies. Document that the criteria listed are met.", List.of("x")),
                new VerdictCase("require-criteria, attested", new Effect.RequireCriteria("NEED"), Set.of("x"), List.of("95940:C71.1"),
                        Outcome.COVERED, "Policy T1 (Tiny): verdict applies. Every criterion is attested as met.", List.of("x")),
                new VerdictCase("follow a decided line", new Effect.FollowGroup("BASE"), Set.of(), List.of("95925:C71.1", "95940:C71.1"),
                        Outcome.BUNDLED, "Policy T1 (Tiny): verdict applies. It follows line 1 (95925), which is bundled. "
                                + "Policy T1 (Tiny): base applies.", List.of()),
                new VerdictCase("follow with no line to follow falls through", new Effect.FollowGroup("BASE"), Set.of(), List.of("95940:C71.1"),
                        Outcome.EXPERIMENTAL, "Policy T1 (Tiny): otherwise applies.", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void verdicts(VerdictCase c) {
        List<Statement> statements = List.of(statement("base", Set.of("BASE"), List.of(), decide(Outcome.BUNDLED)),
                statement("verdict", Set.of("MON"), List.of(), c.effect()),
                statement("otherwise", Set.of("MON"), List.of(), decide(Outcome.EXPERIMENTAL)));

        Determination line = run(statements, c.attested(), c.lines().toArray(String[]::new)).get(c.lines().size() - 1);

        assertThat(line.outcome()).isEqualTo(c.outcome());
        assertThat(line.explanation()).isEqualTo(c.explanation());
        assertThat(line.criteria()).extracting(criterion -> criterion.code()).isEqualTo(c.criteria());
        assertThat(line.priorAuthorizationRequired()).isFalse();
        assertThat(line.allowedUnits()).isNull();
    }

    record AnnotationCase(String name, Effect effect, Integer allowedUnits, boolean priorAuthorization, String explanation) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<AnnotationCase> annotations() {
        return Stream.of(
                new AnnotationCase("limit-units below the request", new Effect.LimitUnits(1), 1, false,
                        "Policy T1 (Tiny): base applies. Policy T1 (Tiny): annotation applies. 4 units requested; the 3 unit(s) above the"
                                + " limit are not covered."),
                new AnnotationCase("limit-units at the request", new Effect.LimitUnits(4), 4, false,
                        "Policy T1 (Tiny): base applies. Policy T1 (Tiny): annotation applies."),
                new AnnotationCase("prior-authorization", new Effect.RequirePriorAuthorization(), null, true,
                        "Policy T1 (Tiny): base applies. Policy T1 (Tiny): annotation applies."),
                new AnnotationCase("note", new Effect.Note(), null, false,
                        "Policy T1 (Tiny): base applies. Policy T1 (Tiny): annotation applies."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void annotations(AnnotationCase c) {
        List<Statement> statements = List.of(statement("annotation", Set.of("BASE"), List.of(), c.effect()),
                statement("base", Set.of("BASE"), List.of(), decide(Outcome.BUNDLED)));

        Determination line = run(statements, Set.of(), "95925x4:C71.1").get(0);

        assertThat(line.outcome()).isEqualTo(Outcome.BUNDLED);
        assertThat(line.allowedUnits()).isEqualTo(c.allowedUnits());
        assertThat(line.priorAuthorizationRequired()).isEqualTo(c.priorAuthorization());
        assertThat(line.explanation()).isEqualTo(c.explanation());
        assertThat(line.citations()).extracting(citation -> citation.statementId()).containsExactly("base", "annotation");
    }

    @Test
    void anAnnotationThatIsNotAUnitLimitDoesNotRequirePriorAuthorization() {
        List<Statement> statements = List.of(statement("base", Set.of("BASE"), List.of(), decide(Outcome.BUNDLED)),
                statement("once", Set.of("BASE"), List.of(), new Effect.LimitUnits(1)),
                statement("reminder", Set.of("BASE"), List.of(), new Effect.Note()));

        Determination line = run(statements, Set.of(), "95925x2:C71.1").get(0);

        assertThat(line.priorAuthorizationRequired()).isFalse();
        assertThat(line.allowedUnits()).isEqualTo(1);
        assertThat(line.citations()).extracting(citation -> citation.statementId()).containsExactly("base", "once", "reminder");
    }

    @Test
    void annotationsAloneDoNotDecide() {
        List<Statement> statements = List.of(statement("pa", Set.of("BASE"), List.of(), new Effect.RequirePriorAuthorization()),
                statement("note", Set.of("BASE"), List.of(), new Effect.Note()));

        Determination line = run(statements, Set.of(), "95925:C71.1").get(0);

        assertThat(line.outcome()).isEqualTo(Outcome.NO_POLICY);
        assertThat(line.priorAuthorizationRequired()).isFalse();
    }
}
