package org.coverageengine.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coverageengine.domain.engine.TinyPolicy.decide;
import static org.coverageengine.domain.engine.TinyPolicy.statement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A citation's trigger for a condition on the request's other lines (has(GROUP), has-primary) names each code of those
 * lines once, in the order of its first line other than the one cited, whatever the number of lines repeating a code;
 * every line of a repeated code is cited with its own facts (its diagnoses), never another line's.
 */
class OtherLinesTriggerTest {

    private static final Condition HAS_A = new Condition.RequestHasGroup("A");
    private static final Condition HAS_MON = new Condition.RequestHasGroup("MON");
    private static final Condition HAS_PRIMARY = new Condition.RequestHasPrimaryProcedure();
    private static final Condition ALL_DX = new Condition.DiagnosesAllIn(Set.of("DX"));

    record TriggerCase(String name, Set<String> lineGroups, List<Condition> when, List<String> lines, List<String> triggers) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<TriggerCase> triggers() {
        String monWithA = "95940 is in MON (MON); the request has 11111 in A";
        return Stream.of(
                new TriggerCase("has(A): every line of a repeated code names the A code once", Set.of("MON"), List.of(HAS_A),
                        List.of("11111:C71.1", "95940:C71.1", "11111:C71.1", "95940:C71.1", "95940:C71.1"),
                        List.of("-", monWithA, "-", monWithA, monWithA)),
                new TriggerCase("has(MON) on MON lines: the first line's code is named at its next line", Set.of("MON"), List.of(HAS_MON),
                        List.of("95940:C71.1", "95940:C71.1", "95940:C71.1"),
                        List.of("95940 is in MON (MON); the request has 95940 in MON", "95940 is in MON (MON); the request has 95940 in MON",
                                "95940 is in MON (MON); the request has 95940 in MON")),
                new TriggerCase("has-primary: two primary codes repeated, each named once", Set.of("A"), List.of(HAS_PRIMARY),
                        List.of("11111:C71.1", "22222:C71.1", "11111:C71.1", "22222:C71.1"),
                        List.of("11111 is in A (A); primary procedure 22222, 11111", "-", "11111 is in A (A); primary procedure 11111, 22222", "-")),
                new TriggerCase("has-primary on a monitoring line after a repeated surgery", Set.of("MON"), List.of(HAS_PRIMARY),
                        List.of("61510:C71.1", "61510:C71.1", "95940:C71.1", "61510:C71.1"),
                        List.of("-", "-", "95940 is in MON (MON); primary procedure 61510", "-")),
                new TriggerCase("has(A) and all-dx-in(DX): lines of one code name their own diagnoses", Set.of("MON"), List.of(HAS_A, ALL_DX),
                        List.of("11111:C71.1", "95940:C71.1", "95940:C71.1,C71.1", "95940:C71.1"),
                        List.of("-", monWithA + "; every diagnosis (C71.1) is in DX", monWithA + "; every diagnosis (C71.1, C71.1) is in DX",
                                monWithA + "; every diagnosis (C71.1) is in DX")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void triggers(TriggerCase c) {
        List<Statement> statements = List.of(statement("when", c.lineGroups(), c.when(), decide(Outcome.NOT_COVERED)));

        List<Determination> lines = RuleKindsTest.run(statements, Set.of(), c.lines().toArray(String[]::new));

        for (int i = 0; i < lines.size(); i++) {
            String expected = c.triggers().get(i);
            if (expected.equals("-")) {
                assertThat(lines.get(i).outcome()).as("line %d", i + 1).isEqualTo(Outcome.NO_POLICY);
            } else {
                assertThat(lines.get(i).outcome()).as("line %d", i + 1).isEqualTo(Outcome.NOT_COVERED);
                assertThat(lines.get(i).citations().get(0).trigger()).as("line %d", i + 1).isEqualTo(expected);
            }
        }
    }

    /**
     * Random requests over few codes (so codes repeat on many lines) and diagnoses: each line's trigger is what the
     * rule says for that line alone, written here without the engine.
     */
    @Test
    void repeatedCodesAreEachCitedWithTheirOwnOtherLinesAndDiagnoses() {
        List<Statement> statements = List.of(statement("has-a", Set.of("MON"), List.of(HAS_A, ALL_DX), decide(Outcome.NOT_COVERED)),
                statement("has-mon", Set.of("BASE"), List.of(HAS_MON), decide(Outcome.BUNDLED)),
                statement("primary", Set.of("A", "B"), List.of(HAS_PRIMARY), decide(Outcome.EXPERIMENTAL)));
        String[] codes = {"95940", "95925", "95926", "11111", "22222", "61510"};
        Random random = new Random(509);
        int cited = 0;
        for (int r = 0; r < 300; r++) {
            List<String> spec = new ArrayList<>();
            for (int l = 0; l < 2 + random.nextInt(12); l++) {
                spec.add(codes[random.nextInt(codes.length)] + ":" + (random.nextInt(3) == 0 ? "C71.1,C71.1" : "C71.1"));
            }
            List<Determination> lines = RuleKindsTest.run(statements, Set.of(), spec.toArray(String[]::new));
            for (int i = 0; i < lines.size(); i++) {
                String expected = expectedTrigger(spec, i);
                if (expected != null) {
                    assertThat(lines.get(i).citations().get(0).trigger()).as("%s line %d", spec, i + 1).isEqualTo(expected);
                    cited++;
                }
            }
        }
        assertThat(cited).isGreaterThan(500);
    }

    /** The trigger of the statement deciding the line, or null when none applies. */
    private static String expectedTrigger(List<String> spec, int line) {
        String code = spec.get(line).split(":")[0];
        String dx = spec.get(line).split(":")[1].replace(",", ", ");
        switch (code) {
            case "95940": {
                Set<String> a = others(spec, line, Set.of("11111"));
                return a.isEmpty() ? null : "95940 is in MON (MON); the request has " + String.join(", ", a) + " in A; every diagnosis (" + dx
                        + ") is in DX";
            }
            case "95925", "95926": {
                Set<String> mon = others(spec, line, Set.of("95940"));
                return mon.isEmpty() ? null : code + " is in BASE (BASE); the request has " + String.join(", ", mon) + " in MON";
            }
            case "11111", "22222": {
                Set<String> primary = others(spec, line, Set.of("11111", "22222", "61510"));
                return primary.isEmpty() ? null : code + " is in " + (code.equals("11111") ? "A (A)" : "B (B)") + "; primary procedure "
                        + String.join(", ", primary);
            }
            default:
                return null;
        }
    }

    /** The distinct codes among the other lines that are in the set, in the order of their first such line. */
    private static Set<String> others(List<String> spec, int line, Set<String> among) {
        Set<String> named = new LinkedHashSet<>();
        for (int j = 0; j < spec.size(); j++) {
            String code = spec.get(j).split(":")[0];
            if (j != line && among.contains(code)) {
                named.add(code);
            }
        }
        return named;
    }
}
