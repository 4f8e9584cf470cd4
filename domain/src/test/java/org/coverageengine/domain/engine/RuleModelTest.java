package org.coverageengine.domain.engine;

import static org.coverageengine.domain.engine.TinyPolicy.decide;
import static org.coverageengine.domain.engine.TinyPolicy.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Statement;
import org.junit.jupiter.api.Test;

/** The generic rule model: precedence by order, each effect kind, and its guards. */
class RuleModelTest {

    static CoverageDecision run(List<Statement> statements, Set<String> attested, String... codes) {
        Knowledge knowledge = TinyPolicy.knowledge(statements);
        RequestedLine[] lines = new RequestedLine[codes.length];
        for (int i = 0; i < codes.length; i++) {
            String[] parts = codes[i].split("x");
            lines[i] = RequestedLine.of(i + 1, parts[0], "C71.1").withQuantity(parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
        }
        return new CoverageDeterminer(() -> knowledge, Clock.systemUTC())
                .determine(CoverageRequest.of(LocalDate.of(2025, 1, 1), LineOfBusiness.COMMERCIAL, lines).attesting(attested));
    }

    @Test
    void firstDecidingStatementWins() {
        CoverageDecision d = run(List.of(statement("first", Set.of("MON"), List.of(), decide(Outcome.BUNDLED)),
                statement("second", Set.of("MON"), List.of(), decide(Outcome.NOT_COVERED))), Set.of(), "95940");
        assertEquals(Outcome.BUNDLED, d.determinations().get(0).outcome());
        assertEquals("first", d.determinations().get(0).citations().get(0).statementId());
    }

    @Test
    void conditionsGateStatements() {
        List<Statement> s = List.of(statement("with-a", Set.of("MON"), List.of(new Condition.RequestHasGroup("A")), decide(Outcome.NOT_COVERED)),
                statement("else", Set.of("MON"), List.of(), decide(Outcome.EXPERIMENTAL)));
        assertEquals(Outcome.NOT_COVERED, run(s, Set.of(), "11111", "95940").determinations().get(1).outcome());
        assertEquals(Outcome.EXPERIMENTAL, run(s, Set.of(), "22222", "95940").determinations().get(1).outcome());
    }

    @Test
    void requireCriteriaIsConditionalUntilAttested() {
        List<Statement> s = List.of(statement("need", Set.of("MON"), List.of(), new Effect.RequireCriteria("NEED")));
        assertEquals(Outcome.CONDITIONAL, run(s, Set.of(), "95940").determinations().get(0).outcome());
        assertEquals(Outcome.COVERED, run(s, Set.of("x"), "95940").determinations().get(0).outcome());
    }

    @Test
    void followTakesTheLeadersOutcome() {
        List<Statement> s = List.of(statement("follow", Set.of("BASE"), List.of(), new Effect.FollowGroup("MON")),
                statement("mon", Set.of("MON"), List.of(), decide(Outcome.BUNDLED)));
        CoverageDecision d = run(s, Set.of(), "95940", "95925");
        assertEquals(Outcome.BUNDLED, d.determinations().get(1).outcome());
        assertTrue(d.determinations().get(1).explanation().contains("follows line 1 (95940)"));
    }

    @Test
    void followingInACircleStopsAndFallsThrough() {
        List<Statement> s = List.of(statement("base-follows", Set.of("BASE"), List.of(), new Effect.FollowGroup("MON")),
                statement("mon-follows", Set.of("MON"), List.of(), new Effect.FollowGroup("BASE")),
                statement("fallback", Set.of("MON", "BASE"), List.of(), decide(Outcome.EXPERIMENTAL)));
        CoverageDecision d = run(s, Set.of(), "95940", "95925");
        assertEquals(Outcome.EXPERIMENTAL, d.determinations().get(0).outcome());
        assertEquals(Outcome.EXPERIMENTAL, d.determinations().get(1).outcome());
    }

    @Test
    void annotationsApplyWithTheDecision() {
        List<Statement> s = List.of(statement("decide", Set.of("BASE"), List.of(), decide(Outcome.BUNDLED)),
                statement("limit", Set.of("BASE"), List.of(), new Effect.LimitUnits(1)),
                statement("pa", Set.of("BASE"), List.of(), new Effect.RequirePriorAuthorization()));
        var d = run(s, Set.of(), "95925x4").determinations().get(0);
        assertEquals(1, d.allowedUnits());
        assertTrue(d.priorAuthorizationRequired());
        assertTrue(d.explanation().contains("3 unit(s) above the limit"));
    }

    @Test
    void earlierLineInGroup() {
        List<Statement> s = List.of(statement("second", Set.of("BASE"), List.of(new Condition.EarlierLineInGroup("BASE")), decide(Outcome.NOT_COVERED)),
                statement("first", Set.of("BASE"), List.of(), decide(Outcome.BUNDLED)));
        CoverageDecision d = run(s, Set.of(), "95925", "95926");
        assertEquals(Outcome.BUNDLED, d.determinations().get(0).outcome());
        assertEquals(Outcome.NOT_COVERED, d.determinations().get(1).outcome());
    }

    @Test
    void primaryProcedureExcludesAncillaryGroups() {
        List<Statement> s = List.of(statement("no-primary", Set.of("MON"), List.of(new Condition.Not(new Condition.RequestHasPrimaryProcedure())),
                decide(Outcome.NOT_COVERED)), statement("ok", Set.of("MON"), List.of(), decide(Outcome.BUNDLED)));
        assertEquals(Outcome.NOT_COVERED, run(s, Set.of(), "95925", "95940").determinations().get(1).outcome());
        assertEquals(Outcome.BUNDLED, run(s, Set.of(), "61510", "95940").determinations().get(1).outcome());
    }

    @Test
    void statementsNamingUnknownGroupsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> TinyPolicy.build(List.of(statement("bad", Set.of("NOPE"), List.of(), decide(Outcome.BUNDLED)))));
        assertThrows(IllegalArgumentException.class,
                () -> TinyPolicy.build(List.of(statement("bad", Set.of("MON"), List.of(), new Effect.RequireCriteria("NONE")))));
    }

    @Test
    void policiesCannotDecideInvalidButMayDecideCovered() {
        assertThrows(IllegalArgumentException.class, () -> new Effect.Decide(Outcome.INVALID));
        org.assertj.core.api.Assertions.assertThat(new Effect.Decide(Outcome.COVERED).outcome()).isEqualTo(Outcome.COVERED);
    }
}
