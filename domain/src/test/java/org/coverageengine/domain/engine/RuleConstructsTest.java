package org.coverageengine.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.PatientFacts;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.determination.Sex;
import org.coverageengine.domain.edit.EditApplication;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.CodeRange;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Statement;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.port.out.PatientHistory;
import org.coverageengine.domain.testing.ListedPolicies;
import org.coverageengine.domain.testing.NoCodes;
import org.coverageengine.domain.testing.NoEdits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule constructs an ordinary payer policy needs, each through the engine with a small policy built in code:
 * diagnosis conditions (any, primary, none), patient facts (age, sex, place of service, modifiers) including a missing
 * fact, a plain covered decision, code ranges and prefixes, unit limits across lines and limits per period.
 */
class RuleConstructsTest {

    private static final LocalDate DATE = LocalDate.of(2025, 3, 10);

    /** SURG = 63001-63048 (a range), TUMOR_DX = C71* (a prefix), BACK_DX = M54.50 listed, EMG = 95860 and 95861. */
    static Policy policy(List<Statement> statements) {
        return policy("Rules", statements);
    }

    static Policy policy(String title, List<Statement> statements) {
        Map<String, CodeGroup> groups = new LinkedHashMap<>();
        groups.put("SURG", new CodeGroup("SURG", "Laminectomy", "Codes", Map.of(), List.of(),
                List.of(CodeRange.between(Code.cpt("63001"), Code.cpt("63048"), DateRange.ALWAYS))));
        groups.put("TUMOR_DX", new CodeGroup("TUMOR_DX", "Brain tumours", "Codes", Map.of(), List.of(),
                List.of(CodeRange.startingWith(CodeSystem.ICD10CM, "C71", DateRange.ALWAYS))));
        groups.put("BACK_DX", new CodeGroup("BACK_DX", "Low back pain", "Codes", Map.of(Code.icd10cm("M54.50"), DateRange.ALWAYS), List.of()));
        groups.put("EMG", new CodeGroup("EMG", "Needle EMG", "Codes", Map.of(Code.cpt("95860"), DateRange.ALWAYS,
                Code.cpt("95861"), DateRange.ALWAYS), List.of()));
        Map<String, CriteriaNode> criteria = Map.of("NOTHING", new CriteriaNode("nothing", "no criteria", CriteriaNode.Combinator.ALL, List.of()));
        return new Policy("R1", title, "Test payer", LocalDate.of(2024, 1, 1), null, null, Set.of(LineOfBusiness.COMMERCIAL), Map.of(),
                Set.of(), List.of(), List.of(), groups, criteria, statements);
    }

    static Statement statement(String id, String group, List<Condition> when, Effect effect) {
        return new Statement(id, "section " + id, Set.of(group), Set.of(), when, effect, id + " applies.");
    }

    /** Lines are "CODE[xUNITS][-MOD][:DX,DX...]". */
    static List<Determination> run(List<Statement> statements, PatientFacts patient, String place, PatientHistory history, String... lines) {
        return run(policy(statements), patient, place, history, lines);
    }

    static List<Determination> run(Policy policy, PatientFacts patient, String place, PatientHistory history, String... lines) {
        Knowledge knowledge = new Knowledge("rules", new NoCodes(), new ListedPolicies(List.of(policy)), new NoEdits());
        List<RequestedLine> requested = new ArrayList<>();
        for (String spec : lines) {
            String[] codeAndDx = spec.split(":", -1);
            String[] codeAndMods = codeAndDx[0].split("-");
            String[] codeAndUnits = codeAndMods[0].split("x");
            List<CodeText> dx = new ArrayList<>();
            if (codeAndDx.length > 1) {
                for (String d : codeAndDx[1].split(",")) {
                    dx.add(CodeText.diagnosis(d));
                }
            }
            List<String> modifiers = List.of(codeAndMods).subList(1, codeAndMods.length);
            requested.add(new RequestedLine(requested.size() + 1, CodeText.procedure(codeAndUnits[0]),
                    codeAndUnits.length > 1 ? Integer.parseInt(codeAndUnits[1]) : 1, modifiers, dx));
        }
        CoverageRequest request = new CoverageRequest(DATE, LineOfBusiness.COMMERCIAL, requested, Set.of(), patient, place);
        return new CoverageDeterminer(() -> knowledge, Clock.systemUTC(), EditApplication.DEFAULT, history).determine(request).determinations();
    }

    static final PatientFacts ADULT_WOMAN = new PatientFacts("Patient/1", LocalDate.of(1980, 5, 1), null, Sex.FEMALE);

    record ConditionCase(String name, Condition condition, PatientFacts patient, String place, String line, Outcome outcome, String trigger) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ConditionCase> conditions() {
        Set<String> tumour = Set.of("TUMOR_DX");
        return Stream.of(
                new ConditionCase("any-dx-in: the second diagnosis is listed", new Condition.DiagnosesAnyIn(tumour), ADULT_WOMAN, null,
                        "63020:M54.50,C71.1", Outcome.NOT_COVERED, "63020 is in SURG (Laminectomy); diagnosis C71.1 is in TUMOR_DX"),
                new ConditionCase("any-dx-in: none listed", new Condition.DiagnosesAnyIn(tumour), ADULT_WOMAN, null, "63020:M54.50",
                        Outcome.EXPERIMENTAL, null),
                new ConditionCase("primary-dx-in: first diagnosis listed", new Condition.PrimaryDiagnosisIn(tumour), ADULT_WOMAN, null,
                        "63020:C71.9,M54.50", Outcome.NOT_COVERED, "63020 is in SURG (Laminectomy); the primary diagnosis C71.9 is in TUMOR_DX"),
                new ConditionCase("primary-dx-in: only a secondary diagnosis listed", new Condition.PrimaryDiagnosisIn(tumour), ADULT_WOMAN, null,
                        "63020:M54.50,C71.9", Outcome.EXPERIMENTAL, null),
                new ConditionCase("no-dx-in: no diagnosis listed", new Condition.NoDiagnosisIn(tumour), ADULT_WOMAN, null, "63020:M54.50",
                        Outcome.NOT_COVERED, "63020 is in SURG (Laminectomy); no diagnosis of the line is in TUMOR_DX"),
                new ConditionCase("no-dx-in: one diagnosis listed", new Condition.NoDiagnosisIn(tumour), ADULT_WOMAN, null, "63020:M54.50,C71.0",
                        Outcome.EXPERIMENTAL, null),
                new ConditionCase("age 18-64 at 44 (from the birth date)", new Condition.PatientAge(18, 65), ADULT_WOMAN, null, "63020:M54.50",
                        Outcome.NOT_COVERED, "63020 is in SURG (Laminectomy); the patient is 44 years old"),
                new ConditionCase("age 65 and over at 44", new Condition.PatientAge(65, null), ADULT_WOMAN, null, "63020:M54.50",
                        Outcome.EXPERIMENTAL, null),
                new ConditionCase("age given as years", new Condition.PatientAge(65, null), new PatientFacts(null, null, 70, null), null,
                        "63020:M54.50", Outcome.NOT_COVERED, "63020 is in SURG (Laminectomy); the patient is 70 years old"),
                new ConditionCase("sex female", new Condition.PatientSex(Sex.FEMALE), ADULT_WOMAN, null, "63020:M54.50", Outcome.NOT_COVERED,
                        "63020 is in SURG (Laminectomy); the patient's sex is female"),
                new ConditionCase("sex male for a woman", new Condition.PatientSex(Sex.MALE), ADULT_WOMAN, null, "63020:M54.50",
                        Outcome.EXPERIMENTAL, null),
                new ConditionCase("place of service 22", new Condition.PlaceOfService(Set.of("19", "22")), ADULT_WOMAN, "22", "63020:M54.50",
                        Outcome.NOT_COVERED, "63020 is in SURG (Laminectomy); place of service 22"),
                new ConditionCase("place of service 11 not listed", new Condition.PlaceOfService(Set.of("19", "22")), ADULT_WOMAN, "11",
                        "63020:M54.50", Outcome.EXPERIMENTAL, null),
                new ConditionCase("modifier present", new Condition.ModifierPresent(Set.of("22")), ADULT_WOMAN, null, "63020-22:M54.50",
                        Outcome.NOT_COVERED, "63020 is in SURG (Laminectomy); the line has modifier 22"),
                new ConditionCase("modifier absent (negated)", new Condition.Not(new Condition.ModifierPresent(Set.of("22"))), ADULT_WOMAN, null,
                        "63020-59:M54.50", Outcome.NOT_COVERED, "63020 is in SURG (Laminectomy); not (the line has modifier 22)"),
                new ConditionCase("range end 63048 is in the range", new Condition.PatientSex(Sex.FEMALE), ADULT_WOMAN, null, "63048:M54.50",
                        Outcome.NOT_COVERED, "63048 is in SURG (Laminectomy); the patient's sex is female"),
                new ConditionCase("63050 is outside the range", new Condition.PatientSex(Sex.FEMALE), ADULT_WOMAN, null, "63050:M54.50",
                        Outcome.NO_POLICY, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void conditions(ConditionCase c) {
        List<Statement> statements = List.of(statement("when", "SURG", List.of(c.condition()), new Effect.Decide(Outcome.NOT_COVERED)),
                statement("otherwise", "SURG", List.of(), new Effect.Decide(Outcome.EXPERIMENTAL)));

        Determination line = run(statements, c.patient(), c.place(), PatientHistory.NONE, c.line()).get(0);

        assertThat(line.outcome()).isEqualTo(c.outcome());
        if (c.trigger() != null) {
            assertThat(line.citations().get(0).statementId()).isEqualTo("when");
            assertThat(line.citations().get(0).trigger()).isEqualTo(c.trigger());
        }
    }

    record MissingCase(String name, Condition condition, String fact) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<MissingCase> missingFacts() {
        return Stream.of(new MissingCase("age", new Condition.PatientAge(18, null), "the patient's age (birth date)"),
                new MissingCase("age, negated", new Condition.Not(new Condition.PatientAge(18, null)), "the patient's age (birth date)"),
                new MissingCase("sex", new Condition.PatientSex(Sex.FEMALE), "the patient's sex"),
                new MissingCase("place of service", new Condition.PlaceOfService(Set.of("22")), "the place of service"));
    }

    @ParameterizedTest(name = "a missing {0} is not evaluated, and no later statement decides in its place")
    @MethodSource
    void missingFacts(MissingCase c) {
        List<Statement> statements = List.of(statement("when", "SURG", List.of(c.condition()), new Effect.Decide(Outcome.NOT_COVERED)),
                statement("otherwise", "SURG", List.of(), new Effect.Decide(Outcome.COVERED)));

        Determination line = run(statements, PatientFacts.UNKNOWN, null, PatientHistory.NONE, "63020:M54.50").get(0);

        assertThat(line.outcome()).isEqualTo(Outcome.CONDITIONAL);
        assertThat(line.explanation()).isEqualTo("Policy R1 (Rules): Could not be evaluated: the request does not give " + c.fact()
                + ", which this rule needs (when applies.)");
        assertThat(line.citations()).extracting(citation -> citation.statementId()).containsExactly("when");
        assertThat(line.citations().get(0).trigger()).endsWith("; not given: " + c.fact());
        assertThat(line.criteria()).extracting(criterion -> criterion.code()).containsExactly("fact-when");
    }

    @ParameterizedTest(name = "policy title \"{0}\"")
    @ValueSource(strings = {"Rules", "Spine: lumbar fusion", "Spine: lumbar: revision (2025)", "Back pain:no space"})
    @DisplayName("the not-evaluated wording keeps the policy's title whole, whatever ': ' it holds")
    void notEvaluatedWordingKeepsTheTitleWhole(String title) {
        List<Statement> statements = List.of(new Statement("when", "section", Set.of("SURG"), Set.of(), List.of(new Condition.PatientAge(18, null)),
                new Effect.Decide(Outcome.NOT_COVERED), "Adults only: see section 2."));

        Determination line = run(policy(title, statements), PatientFacts.UNKNOWN, null, PatientHistory.NONE, "63020:M54.50").get(0);

        assertThat(line.explanation()).isEqualTo("Policy R1 (" + title + "): Could not be evaluated: the request does not give "
                + "the patient's age (birth date), which this rule needs (Adults only: see section 2.)");
    }

    @Test
    @DisplayName("a trigger names each code of the other lines once, however many lines repeat it")
    void triggerNamesEachCodeOnce() {
        List<Statement> statements = List.of(statement("emg", "EMG", List.of(new Condition.RequestHasGroup("SURG")), new Effect.Decide(Outcome.COVERED)));

        Determination line = run(statements, ADULT_WOMAN, null, PatientHistory.NONE, "95860", "63020", "63020", "63030", "63020").get(0);

        assertThat(line.citations().get(0).trigger()).isEqualTo("95860 is in EMG (Needle EMG); the request has 63020, 63030 in SURG");
    }

    @ParameterizedTest(name = "{0} on line {2} of {1}")
    @CsvSource(delimiter = '|', value = {
        "other lines, the line is the first of a repeated code | 63020 63030 63020 | 1 | 63020 is in SURG (Laminectomy); the request has 63030, 63020 in SURG",
        "other lines, the line's code repeats on the next line  | 63020 63020 63030 | 1 | 63020 is in SURG (Laminectomy); the request has 63020, 63030 in SURG",
        "other lines, the line is the last of a repeated code   | 63020 63030 63020 | 3 | 63020 is in SURG (Laminectomy); the request has 63020, 63030 in SURG",
        "other lines, the line's code is on no other line       | 63020 63030 63020 | 2 | 63030 is in SURG (Laminectomy); the request has 63020 in SURG",
        "earlier lines, each code once                          | 63020 63030 63020 63040 | 4 | 63040 is in SURG (Laminectomy); an earlier line has 63020, 63030 in SURG",
        "earlier lines, the line's own code earlier             | 63020 63030 63020 | 3 | 63020 is in SURG (Laminectomy); an earlier line has 63020, 63030 in SURG"})
    void triggerNamesTheOtherLinesCodesInTheOrderTheyFirstAppear(String name, String lines, int cited, String trigger) {
        Condition condition = name.startsWith("other") ? new Condition.RequestHasGroup("SURG") : new Condition.EarlierLineInGroup("SURG");
        List<Statement> statements = List.of(statement("surg", "SURG", List.of(condition), new Effect.Decide(Outcome.COVERED)));

        Determination line = run(statements, ADULT_WOMAN, null, PatientHistory.NONE, lines.split(" ")).get(cited - 1);

        assertThat(line.citations().get(0).trigger()).isEqualTo(trigger);
    }

    /**
     * Conditions on the patient are the same for every line of a request, those on the line are not: with both on one
     * statement, each line gets its own answer, and a fact the patient conditions lack is named (the first, in the
     * statement's order) only on the lines whose own conditions hold.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "age unknown: lines with a tumour are not evaluated      | unknown | age sex | CONDITIONAL COVERED CONDITIONAL   | the patient's age (birth date)",
        "sex named first: its lack is the one named              | unknown | sex age | CONDITIONAL COVERED CONDITIONAL   | the patient's sex",
        "an adult woman: lines with a tumour are decided         | woman   | age sex | NOT_COVERED COVERED NOT_COVERED | ",
        "a child: no line is decided by the statement            | child   | age sex | COVERED COVERED COVERED         | ",
        "a man: the sex condition fails, whatever the age        | man     | age sex | COVERED COVERED COVERED         | "})
    void patientConditionsAreJudgedOncePerRequestAndLineConditionsPerLine(String name, String who, String order, String outcomes,
            String missing) {
        Condition age = new Condition.PatientAge(18, null);
        Condition sex = new Condition.PatientSex(Sex.FEMALE);
        Condition tumour = new Condition.DiagnosesAnyIn(Set.of("TUMOR_DX"));
        List<Condition> when = order.equals("age sex") ? List.of(age, tumour, sex) : List.of(sex, tumour, age);
        List<Statement> statements = List.of(statement("when", "SURG", when, new Effect.Decide(Outcome.NOT_COVERED)),
                statement("otherwise", "SURG", List.of(), new Effect.Decide(Outcome.COVERED)));
        PatientFacts patient = switch (who) {
            case "woman" -> ADULT_WOMAN;
            case "child" -> new PatientFacts("Patient/2", null, 9, Sex.FEMALE);
            case "man" -> new PatientFacts("Patient/3", null, null, Sex.MALE);
            default -> PatientFacts.UNKNOWN;
        };

        List<Determination> lines = run(statements, patient, null, PatientHistory.NONE, "63020:C71.1", "63030:M54.50", "63020:M54.50,C71.9");

        assertThat(lines).extracting(Determination::outcome).containsExactly(
                Stream.of(outcomes.split(" ")).map(Outcome::valueOf).toArray(Outcome[]::new));
        for (Determination line : lines) {
            if (line.outcome() == Outcome.CONDITIONAL) {
                assertThat(line.explanation()).contains("the request does not give " + missing + ", which this rule needs");
            }
        }
    }

    /** Lines that repeat the previous line's diagnoses share their groups; a line with other diagnoses gets its own. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "the same diagnoses on consecutive lines      | 63020:C71.1 63030:C71.1 63020:C71.1                | NOT_COVERED NOT_COVERED NOT_COVERED",
        "other diagnoses after the same ones          | 63020:C71.1 63030:C71.1 63020:M54.50               | NOT_COVERED NOT_COVERED EXPERIMENTAL",
        "another primary diagnosis, then the first    | 63020:M54.50 63030:C71.1,M54.50 63020:M54.50       | EXPERIMENTAL NOT_COVERED EXPERIMENTAL",
        "a line without diagnoses between equal lines | 63020:M54.50 63030 63020:M54.50                    | EXPERIMENTAL EXPERIMENTAL EXPERIMENTAL",
        "the same codes in another order              | 63020:M54.50,C71.1 63030:C71.1,M54.50 63020:C71.1   | EXPERIMENTAL NOT_COVERED NOT_COVERED"})
    void eachLineIsJudgedOnItsOwnDiagnoses(String name, String lines, String outcomes) {
        List<Statement> statements = List.of(statement("when", "SURG", List.of(new Condition.PrimaryDiagnosisIn(Set.of("TUMOR_DX"))),
                        new Effect.Decide(Outcome.NOT_COVERED)),
                statement("otherwise", "SURG", List.of(), new Effect.Decide(Outcome.EXPERIMENTAL)));

        List<Determination> determined = run(statements, ADULT_WOMAN, null, PatientHistory.NONE, lines.trim().split(" "));

        assertThat(determined).extracting(Determination::outcome).containsExactly(
                Stream.of(outcomes.trim().split(" ")).map(Outcome::valueOf).toArray(Outcome[]::new));
    }

    /**
     * A line whose code a policy lists in a group it decides about, but which none of its deciding statements matches, names
     * that policy and group instead of saying that no policy governs the code; codes in groups no statement decides
     * about, or in none, still have no policy.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a listed code the only statement passes by | 63030-22 | NO_POLICY | Policy R1 (Rules): 63030 is listed in SURG (Laminectomy), but none of the policy's statements decides this line on 2025-03-10 for Commercial plans | 63030 is in SURG (Laminectomy); no statement decides it",
        "the same code, decided                     | 63030    | COVERED   | Policy R1 (Rules): when applies.                                                                                                               | 63030 is in SURG (Laminectomy)",
        "a code of a group no statement decides     | 95860-22 | NO_POLICY | No loaded policy governs 95860 on 2025-03-10 for Commercial plans.                                                                            | ",
        "a code the policy does not list            | 99213-22 | NO_POLICY | No loaded policy governs 99213 on 2025-03-10 for Commercial plans.                                                                            | "})
    void aListedCodeNoStatementDecidesNamesThePolicy(String name, String line, Outcome outcome, String reason, String trigger) {
        List<Statement> statements = List.of(statement("when", "SURG",
                List.of(new Condition.Not(new Condition.ModifierPresent(Set.of("22")))), new Effect.Decide(Outcome.COVERED)));

        Determination determined = run(statements, ADULT_WOMAN, null, PatientHistory.NONE, line).get(0);

        assertThat(determined.outcome()).isEqualTo(outcome);
        assertThat(determined.explanation()).contains(reason);
        if (trigger == null) {
            assertThat(determined.citations()).isEmpty();
        } else {
            assertThat(determined.citations()).singleElement().satisfies(c -> {
                assertThat(c.policyNumber()).isEqualTo("R1");
                assertThat(c.trigger()).startsWith(trigger);
            });
        }
    }

    @Test
    void aFactConditionThatAnotherConditionRulesOutNeedsNoFact() {
        List<Statement> statements = List.of(
                statement("when", "SURG", List.of(new Condition.DiagnosesAnyIn(Set.of("TUMOR_DX")), new Condition.PatientAge(18, null)),
                        new Effect.Decide(Outcome.NOT_COVERED)),
                statement("otherwise", "SURG", List.of(), new Effect.Decide(Outcome.COVERED)));

        Determination line = run(statements, PatientFacts.UNKNOWN, null, PatientHistory.NONE, "63020:M54.50").get(0);

        assertThat(line.outcome()).isEqualTo(Outcome.COVERED);
    }

    @Test
    void aPlainCoveredDecisionAndAnEmptyAllCriteriaSetCover() {
        List<Statement> statements = List.of(statement("back", "SURG", List.of(new Condition.DiagnosesAllIn(Set.of("BACK_DX"))),
                new Effect.Decide(Outcome.COVERED)), statement("criteria", "SURG", List.of(), new Effect.RequireCriteria("NOTHING")));

        List<Determination> lines = run(statements, ADULT_WOMAN, null, PatientHistory.NONE, "63020:M54.50", "63030:C71.1");

        assertThat(lines).extracting(Determination::outcome).containsExactly(Outcome.COVERED, Outcome.COVERED);
        assertThat(lines.get(1).explanation()).isEqualTo("Policy R1 (Rules): criteria applies. Every criterion is attested as met.");
    }

    record LimitCase(String name, Effect.LimitUnits limit, List<String> lines, List<Integer> allowed, String basis) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<LimitCase> unitLimits() {
        return Stream.of(
                new LimitCase("per line: a code split over two lines passes twice", new Effect.LimitUnits(1), List.of("95860", "95860"),
                        List.of(1, 1), "Units allowed per line"),
                new LimitCase("per code: the split second line gets nothing", new Effect.LimitUnits(1, Effect.UnitScope.CODE, null, ""),
                        List.of("95860", "95860"), List.of(1, 0), "Units allowed per date of service for the code (summed over the request's lines)"),
                new LimitCase("per code: other codes do not count", new Effect.LimitUnits(1, Effect.UnitScope.CODE, null, ""),
                        List.of("95860", "95861"), List.of(1, 1), "Units allowed per date of service for the code (summed over the request's lines)"),
                new LimitCase("per group: units summed over the group's codes", new Effect.LimitUnits(3, Effect.UnitScope.GROUP, "EMG",
                        "Units per session"), List.of("95860x2", "95861x2"), List.of(3, 1), "Units per session"),
                new LimitCase("per code: two codes interleaved, each counts its own earlier lines", new Effect.LimitUnits(2,
                        Effect.UnitScope.CODE, null, ""), List.of("95860x2", "95861", "95860", "95861x3"), List.of(2, 2, 0, 1),
                        "Units allowed per date of service for the code (summed over the request's lines)"),
                new LimitCase("per group: a line of another group between them does not count", new Effect.LimitUnits(3,
                        Effect.UnitScope.GROUP, "EMG", "Units per session"), List.of("95860x2", "63020x5", "95861", "95860"),
                        Arrays.asList(3, null, 1, 0), "Units per session"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unitLimits(LimitCase c) {
        List<Statement> statements = List.of(statement("emg", "EMG", List.of(), new Effect.Decide(Outcome.CONDITIONAL)),
                statement("limit", "EMG", List.of(), c.limit()));

        List<Determination> lines = run(statements, ADULT_WOMAN, null, PatientHistory.NONE, c.lines().toArray(String[]::new));

        assertThat(lines).extracting(Determination::allowedUnits).isEqualTo(c.allowed());
        assertThat(lines).filteredOn(line -> line.allowedUnits() != null).extracting(Determination::allowedUnitsBasis).containsOnly(c.basis());
    }

    @Test
    void theExcessOverAnEarlierLineIsExplained() {
        List<Statement> statements = List.of(statement("emg", "EMG", List.of(), new Effect.Decide(Outcome.CONDITIONAL)),
                statement("limit", "EMG", List.of(), new Effect.LimitUnits(1, Effect.UnitScope.CODE, null, "")));

        Determination second = run(statements, ADULT_WOMAN, null, PatientHistory.NONE, "95860", "95860").get(1);

        assertThat(second.explanation()).endsWith("limit applies. Earlier lines of the request already use 1 unit(s) of the limit; 1 requested"
                + " here, 0 allowed, the 1 unit(s) above the limit are not covered.");
    }

    /**
     * A limit counts the units billed of the code on the date of service, as the NCCI MUE does: an earlier line of the
     * code that no statement decides (here: modifier 22) gets no limit of its own, but its units still use the allowance.
     */
    @Test
    void anUndecidedEarlierLineOfTheCodeStillUsesTheAllowance() {
        List<Statement> statements = List.of(statement("emg", "EMG", List.of(new Condition.Not(new Condition.ModifierPresent(Set.of("22")))),
                new Effect.Decide(Outcome.CONDITIONAL)), statement("limit", "EMG", List.of(), new Effect.LimitUnits(1, Effect.UnitScope.CODE, null, "")));

        List<Determination> lines = run(statements, ADULT_WOMAN, null, PatientHistory.NONE, "95860-22", "95860");

        assertThat(lines.get(0).outcome()).isEqualTo(Outcome.NO_POLICY);
        assertThat(lines.get(0).allowedUnits()).isNull();
        assertThat(lines.get(1).outcome()).isEqualTo(Outcome.CONDITIONAL);
        assertThat(lines.get(1).allowedUnits()).isEqualTo(0);
    }

    record PeriodCase(String name, PatientHistory history, Outcome outcome, Integer allowed, String criterion) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<PeriodCase> limitsPerPeriod() {
        return Stream.of(
                new PeriodCase("no history source: listed to document, not covered outright", PatientHistory.NONE, Outcome.CONDITIONAL, null,
                        "limit-history"),
                new PeriodCase("history: 2 of 4 used", (patient, codes, from, to) -> OptionalInt.of(2), Outcome.COVERED, 2, null),
                new PeriodCase("history: 4 of 4 used", (patient, codes, from, to) -> OptionalInt.of(4), Outcome.COVERED, 0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void limitsPerPeriod(PeriodCase c) {
        List<Statement> statements = List.of(statement("emg", "EMG", List.of(), new Effect.Decide(Outcome.COVERED)),
                statement("limit", "EMG", List.of(), new Effect.LimitPerPeriod(4, Period.ofMonths(12))));

        Determination line = run(statements, ADULT_WOMAN, null, c.history(), "95860").get(0);

        assertThat(line.outcome()).isEqualTo(c.outcome());
        assertThat(line.allowedUnits()).isEqualTo(c.allowed());
        if (c.criterion() != null) {
            assertThat(line.criteria()).extracting(criterion -> criterion.code()).containsExactly(c.criterion());
        }
    }

    @ParameterizedTest(name = "{0} of 4 used")
    @CsvSource(delimiter = '|', value = {
        "0| limit applies. The patient has had 0 of 4 services in the rolling 12 months before 2025-03-10 (no more than 4 per rolling 12 months).",
        "3| limit applies. The patient has had 3 of 4 services in the rolling 12 months before 2025-03-10 (no more than 4 per rolling 12 months).",
        "4| limit applies. Limit reached: 4 of 4 services in the rolling 12 months before 2025-03-10 (no more than 4 per rolling 12 months); "
            + "this service is above the limit.",
        "6| limit applies. Limit reached: 6 of 4 services in the rolling 12 months before 2025-03-10 (no more than 4 per rolling 12 months); "
            + "this service is above the limit.",
    })
    @DisplayName("a limit per period judged on the patient's history says how many were used and when the limit is reached")
    void periodReasonSaysWhenTheLimitIsReached(int used, String ending) {
        List<Statement> statements = List.of(statement("emg", "EMG", List.of(), new Effect.Decide(Outcome.COVERED)),
                statement("limit", "EMG", List.of(), new Effect.LimitPerPeriod(4, Period.ofMonths(12))));

        Determination line = run(statements, ADULT_WOMAN, null, (patient, codes, from, to) -> OptionalInt.of(used), "95860").get(0);

        assertThat(line.explanation()).endsWith(ending);
    }

    @Test
    void theHistoryIsAskedAboutTheRollingPeriodBeforeTheDateOfService() {
        List<Object> asked = new ArrayList<>();
        PatientHistory history = (patient, codes, from, to) -> {
            asked.addAll(List.of(patient, codes.test(Code.cpt("95861")), codes.test(Code.cpt("63020")), from, to));
            return OptionalInt.of(0);
        };
        List<Statement> statements = List.of(statement("emg", "EMG", List.of(), new Effect.Decide(Outcome.COVERED)),
                statement("limit", "EMG", List.of(), new Effect.LimitPerPeriod(4, Period.ofMonths(12))));

        run(statements, ADULT_WOMAN, null, history, "95860");

        assertThat(asked).containsExactly("Patient/1", true, false, LocalDate.of(2024, 3, 11), LocalDate.of(2025, 3, 9));
    }
}
